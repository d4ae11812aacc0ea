import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startChildServer, type ChildServer } from './child-server.js';

export interface RunningApp extends ChildServer {
  /** The embedded database's URI, from the banner: lets a scenario seed extra data directly. */
  databaseUri: string | undefined;
}

/**
 * Starts the real app (src/server.ts) on its embedded FerretDB (EMBEDDED_DB picks the backend),
 * in a fresh temp data directory,
 * with the demo content seeded. stop() shuts it down and deletes the directory.
 */
export async function startApp(): Promise<RunningApp> {
  // A fresh directory per run: the bench never reads or writes the developer's data/db.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brobygning-bench-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const server = await startChildServer({
      name: 'Brobygning',
      entry: 'src/server.ts',
      // Built from scratch, not from process.env: an exported MONGODB_URI must never point the
      // bench (and its demo seeding) at a real database.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        // The embedded backend to bench (ferretdb-sqlite by default, or ferretdb-postgres).
        ...(process.env.EMBEDDED_DB ? { EMBEDDED_DB: process.env.EMBEDDED_DB } : {}),
        // test, not production: templates are cached as in production, but no HSTS/https upgrade.
        NODE_ENV: 'test',
        SEED_DEMO: 'true',
        // warn, not info: a log line per request written to a pipe would be part of what we measure.
        LOG_LEVEL: 'warn',
        // Which embedded database engine to start, when the caller chose one; the app's default otherwise.
        ...(process.env.EMBEDDED_DB ? { EMBEDDED_DB: process.env.EMBEDDED_DB } : {}),
      },
      banner: /Brobygning is running: (http:\/\/\S+)/,
      readyPath: '/readyz',
      // Generous: the first start of FerretDB plus index creation and seeding on a busy machine.
      startTimeoutMs: 60_000,
    });
    const databaseUri = /Database: embedded \S+ at (mongodb:\/\/\S+)/.exec(server.output())?.[1];
    return {
      ...server,
      databaseUri,
      stop: async () => {
        try {
          return await server.stop();
        } finally {
          await removeDataDir();
        }
      },
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}
