import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Runs the real entry point (src/server.ts) as a child process, as `npm start` would. */
export function spawnServer(env: Record<string, string>): {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
} {
  // node itself with tsx's loader (not the tsx wrapper, which would leave its child behind on SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      // The run's query shapes include the ones this process sends (see global-fixture.ts).
      ...(process.env.QUERY_SHAPES_FILE ? { QUERY_SHAPES_FILE: process.env.QUERY_SHAPES_FILE } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Spawns the server and waits for its start-up banner, which names the URL it listens on. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const spawned = spawnServer(env);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Brobygning is running: (http:\/\/[^\s]+?)\/?\s/.exec(spawned.output());
    if (match) return { ...spawned, baseUrl: match[1] };
    if (spawned.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  spawned.child.kill('SIGKILL');
  throw new Error(`server did not start:\n${spawned.output()}`);
}

/**
 * Starts `count` app processes on the test run's own database (the run's URI names none, and the app
 * would otherwise use its own), each with its own read models, as several instances behind a load
 * balancer. Silent unless told otherwise; no demo content.
 */
export async function startInstancesOnTestDatabase(
  count: number,
  env: Record<string, string> = {},
): Promise<ServerProcess[]> {
  const { ConnectionString } = await import('mongodb-connection-string-url');
  const mongoose = (await import('mongoose')).default;
  const uri = new ConnectionString(process.env.TEST_MONGODB_URI!);
  uri.pathname = `/${mongoose.connection.name}`;
  const shared = {
    MONGODB_URI: uri.toString(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...env,
  };
  return Promise.all(Array.from({ length: count }, () => startServerProcess(shared, 60_000)));
}
