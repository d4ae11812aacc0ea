import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { MongoClient } from 'mongodb';
import { shapeKey, shapesOfCommand, type QueryShape } from './query-shape.js';

/** A recorded shape and the first project file on the way to it (a source path, no line, no values). */
export interface RecordedQueryShape extends QueryShape {
  from: string;
}

/**
 * Appends the shape of every query this client sends to `file`, one JSON line per shape not yet written
 * by this process, so that an index review (and the test suite's index check) sees what the code asks.
 * Several processes may append to the same file.
 */
export function recordQueryShapes(client: MongoClient, file: string): void {
  const written = new Set<string>();
  client.on('commandStarted', (event) => {
    try {
      const shapes = shapesOfCommand(event);
      if (shapes.length === 0) return;
      const from = callerOf(stackHere());
      for (const queryShape of shapes) {
        const line = JSON.stringify({ ...queryShape, from } satisfies RecordedQueryShape);
        const key = `${shapeKey(queryShape)} ${from}`;
        if (written.has(key)) continue;
        written.add(key);
        appendFileSync(file, `${line}\n`);
      }
    } catch {
      // Recording is an aid: it never stands in the way of the query itself.
    }
  });
}

function stackHere(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 80;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return stack;
}

const root = process.cwd();
const ownFile = /query-shape-recorder\.[tj]s/;

/**
 * The first frame of the stack in this project's own code (not the recorder); failing that, the first
 * dependency's package (a session store, say).
 */
export function callerOf(stack: string): string {
  let dependency: string | undefined;
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, '');
    const inDependency = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (inDependency) {
      if (!['mongodb', 'mongoose'].includes(inDependency[1])) dependency ??= inDependency[1];
      continue;
    }
    if (ownFile.test(file) || !file.startsWith(root)) continue;
    return path.relative(root, file);
  }
  return dependency ? `dependency ${dependency}` : 'unknown';
}
