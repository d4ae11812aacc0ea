import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Logger } from '../logging/index.js';
import type { EmbeddedDatabaseKind } from './embedded-database-kinds.js';
import { startPostgresCluster, type PostgresCluster } from './embedded-postgres.js';
import { findFreePort } from './free-port.js';
import { waitForPing } from './wait-for-ping.js';
import { stopChildProcess } from './stop-child.js';

export interface EmbeddedDatabaseOptions {
  kind: EmbeddedDatabaseKind;
  dataDir: string;
  ferretdbBin: string;
  /** 0 picks a free port; a fixed port lets a restarted instance keep the same URI. */
  port?: number;
  logger?: Logger;
  startTimeoutMs?: number;
}

export interface EmbeddedDatabase {
  uri: string;
  port: number;
  kind: EmbeddedDatabaseKind;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {
  readonly code = 'EMBEDDED_DB_FAILED';
}

/** Starts FerretDB (our launcher) or a local mongod as a child process and waits until it answers a ping. */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  let postgres: PostgresCluster | undefined;
  if (options.kind === 'ferretdb-postgres') {
    postgres = await startPostgresCluster({ dataDir: options.dataDir, logger: options.logger, timeoutMs });
  }
  let started: { child: ChildProcess; uri: string };
  try {
    started =
      options.kind === 'mongod'
        ? await spawnMongod(options)
        : await spawnFerretDb(options, timeoutMs, postgres?.url);
  } catch (error) {
    await postgres?.stop();
    throw error;
  }
  const { child, uri } = started;
  const stop = async () => {
    await stopChild(child);
    await postgres?.stop();
  };
  child.once('exit', (code, signal) => {
    if (!stopping.has(child)) {
      options.logger?.error({ code, signal }, 'embedded database exited unexpectedly');
    }
  });
  try {
    await waitForPing(uri, timeoutMs);
  } catch (error) {
    await stop();
    throw new EmbeddedDatabaseError(`${options.kind} did not answer a ping: ${(error as Error).message}`);
  }
  return { uri, port: Number(new URL(uri).port), kind: options.kind, stop };
}

async function spawnFerretDb(options: EmbeddedDatabaseOptions, timeoutMs: number, postgresqlUrl?: string) {
  if (!existsSync(options.ferretdbBin)) {
    throw new EmbeddedDatabaseError(
      `The FerretDB launcher is not built (${options.ferretdbBin}). Run "npm run build-db" (needs Go ≥ 1.24).`,
    );
  }
  const child = spawn(
    options.ferretdbBin,
    [
      '-listen',
      `127.0.0.1:${options.port ?? 0}`,
      // SQLite is the launcher's default backend.
      ...(postgresqlUrl
        ? ['-backend', 'postgresql', '-postgresql-url', postgresqlUrl]
        : ['-data-dir', options.dataDir]),
      '-exit-on-stdin-close',
      '-log-level',
      // On PostgreSQL, FerretDB logs every failed statement (a duplicate key, say) at ERROR; the
      // client gets those errors anyway, so only worse than ERROR is logged there.
      postgresqlUrl ? 'ERROR+1' : 'error',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  forwardStderr(child, options.logger);
  const announced = await readAnnouncedUri(child, timeoutMs);
  const uri = `${announced.replace(/\/$/, '')}/?directConnection=true`;
  return { child, uri };
}

function readAnnouncedUri(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error('no address announced in time')), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(new EmbeddedDatabaseError(`FerretDB failed to start: ${error.message}`));
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`launcher exited with code ${code}`)));
    lines.on('line', (line) => {
      try {
        const { uri } = JSON.parse(line) as { uri?: string };
        if (uri) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          child.removeAllListeners('error');
          resolve(uri);
        }
      } catch {
        // Not our announcement line; ignore.
      }
    });
  });
}

async function spawnMongod(options: EmbeddedDatabaseOptions) {
  const port = options.port || (await findFreePort());
  const child = spawn(
    'mongod',
    ['--dbpath', options.dataDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new EmbeddedDatabaseError(`Could not start mongod (is it on PATH?): ${error.message}`)),
    );
  });
  forwardStderr(child, options.logger);
  return { child, uri: `mongodb://127.0.0.1:${port}/?directConnection=true` };
}

function forwardStderr(child: ChildProcess, logger: Logger | undefined) {
  if (!child.stderr) return;
  createInterface({ input: child.stderr }).on('line', (line) =>
    logger?.warn({ source: 'embedded-db' }, line),
  );
}

const stopping = new WeakSet<ChildProcess>();

function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  stopping.add(child);
  return stopChildProcess(child, graceMs, () => child.kill('SIGTERM'));
}
