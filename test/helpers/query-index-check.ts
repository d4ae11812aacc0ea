import { existsSync, readFileSync } from 'node:fs';
import type { Model } from 'mongoose';
import { declaredCollections, declaredIndexes } from '../../src/shared/db/declared-indexes.js';
import { describeShape, isServed, type IndexKeys } from '../../src/shared/db/index-coverage.js';
import type { RecordedQueryShape } from '../../src/shared/db/query-shape-recorder.js';
import { GROWING_COLLECTIONS, QUERY_INDEX_EXCEPTIONS, SMALL_COLLECTIONS } from './query-index-exceptions.js';

/** What the index check found wrong, one line each (empty: every recorded query is served). */
export interface QueryIndexFindings {
  checked: number;
  unserved: string[];
  unclassified: string[];
}

/** Reads the shapes the run recorded (one JSON line each; several processes wrote to the file). */
export function readRecordedShapes(file: string | undefined): RecordedQueryShape[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedQueryShape);
}

/**
 * Checks every query the application sent (the tests' own set-up and assertions excluded) against the
 * indexes the code declares: on a collection that grows with use, a query no index serves fails unless it
 * is a listed exception; every collection queried must be listed as growing or small.
 */
export function checkQueryIndexes(
  recorded: ReadonlyArray<RecordedQueryShape>,
  models: ReadonlyArray<Model<never>>,
): QueryIndexFindings {
  const indexes = new Map<string, IndexKeys[]>();
  for (const index of declaredIndexes(models)) {
    indexes.set(index.collection, [...(indexes.get(index.collection) ?? []), index.keys]);
  }
  const known = new Set([...declaredCollections(models), 'sessions']);
  const unserved = new Map<string, Set<string>>();
  const unclassified = new Set<string>();
  let checked = 0;
  for (const shape of recorded) {
    if (shape.from.startsWith('test/')) continue;
    checked += 1;
    const collection = shape.collection;
    if (!(collection in GROWING_COLLECTIONS) && !(collection in SMALL_COLLECTIONS)) {
      unclassified.add(
        known.has(collection)
          ? `${collection}: say in query-index-exceptions.ts whether it grows with use`
          : `${collection}: not a collection of any model (queried from ${shape.from})`,
      );
      continue;
    }
    if (!(collection in GROWING_COLLECTIONS) || countsWholeCollection(shape)) continue;
    if (isServed(shape, indexes.get(collection) ?? [])) continue;
    const query = describeShape(shape);
    const excepted = QUERY_INDEX_EXCEPTIONS.some(
      (exception) => exception.query === query && exception.from === shape.from,
    );
    if (excepted) continue;
    unserved.set(query, (unserved.get(query) ?? new Set()).add(shape.from));
  }
  return {
    checked,
    unserved: [...unserved]
      .map(([query, from]) => `${query}\n      from ${[...from].sort().join(', ')}`)
      .sort(),
    unclassified: [...unclassified].sort(),
  };
}

// A count without a filter (estimatedDocumentCount) is answered from the collection's metadata.
function countsWholeCollection(shape: RecordedQueryShape): boolean {
  return (
    shape.command === 'count' && Object.keys(shape.filter.fields).length === 0 && shape.filter.or.length === 0
  );
}
