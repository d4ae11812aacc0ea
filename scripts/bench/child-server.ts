import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertLoopback } from './measure.js';

/** The repository root: children run from here whatever directory the bench was started in. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildServerOptions {
  /** Shown in messages and errors. */
  name: string;
  /** Entry file relative to the repository root, run through tsx. */
  entry: string;
  /** The child's whole environment (not merged with ours; see start-app.ts for why). */
  env: Record<string, string>;
  /** Matches the start-up line; group 1 is the base URL the server listens on. */
  banner: RegExp;
  /** Polled until it answers 200 before the server counts as started. */
  readyPath: string;
  startTimeoutMs: number;
}

export interface ChildServer {
  name: string;
  baseUrl: string;
  /** The child's process id: its memory is read from /proc. */
  pid: number;
  /** Everything the child printed so far (tail only), for error messages and extra banner fields. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited in time. Resolves with the exit code (null if killed). */
  stop(): Promise<number | null>;
}

const OUTPUT_TAIL_CHARS = 64 * 1024;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts a server as `node --import tsx <entry>`: one process, so SIGTERM reaches the server
 * itself rather than a tsx or npm wrapper that might not pass it on.
 */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry], {
    cwd: REPO_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  // Always drain both pipes: a full pipe would block the child mid-benchmark.
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = () => stopChild(child, exited);

  try {
    const baseUrl = await waitForBanner(child, () => output, options);
    assertLoopback(baseUrl);
    await waitForReady(child, baseUrl + options.readyPath, options);
    return { name: options.name, baseUrl, pid: child.pid!, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(
      `${options.name} did not start: ${(error as Error).message}\n--- its output ---\n${output}`,
      { cause: error },
    );
  }
}

async function waitForBanner(
  child: ChildProcess,
  output: () => string,
  options: ChildServerOptions,
): Promise<string> {
  const deadline = Date.now() + options.startTimeoutMs;
  while (Date.now() < deadline) {
    const match = options.banner.exec(output());
    if (match?.[1]) return match[1].replace(/\/$/, '');
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('it exited during start-up');
    await sleep(100);
  }
  throw new Error(`no start-up line within ${options.startTimeoutMs} ms`);
}

async function waitForReady(child: ChildProcess, url: string, options: ChildServerOptions): Promise<void> {
  const deadline = Date.now() + options.startTimeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('it exited during start-up');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready within ${options.startTimeoutMs} ms (last: ${last})`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
