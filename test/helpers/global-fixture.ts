import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  EMBEDDED_DATABASE_KINDS,
  connectDatabase,
  disconnectDatabase,
  ensureIndexes,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseKind,
} from '../../src/shared/db/index.js';
import { allModels, assemble } from '../../src/component-list.js';
import { createLogger } from '../../src/shared/logging/logger.js';
import { mailSettingsFor } from '../../src/shared/mail/index.js';
import { enterWiring } from '../../src/shared/wiring/index.js';
import { testConfig } from './test-config.js';
import { startTestMailbox, type TestMailbox } from './test-mailbox.js';

// One throwaway FerretDB per test run, on a free port, in a temp directory. Tests clear
// collections between cases (see use-test-database.ts); nothing here is faked.
// TEST_EMBEDDED_DB (else EMBEDDED_DB) picks its backend, as EMBEDDED_DB does for the app.
let database: EmbeddedDatabase | undefined;
let dataDir: string | undefined;
let mailbox: TestMailbox | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-test-db-'));
  database = await startEmbeddedDatabase({
    kind: testDatabaseKind(),
    dataDir,
    ferretdbBin: path.resolve('.cache/bin/ferretdb-launcher'),
  });
  process.env.TEST_MONGODB_URI = database.uri;
  // A real SMTP server receives everything the app sends during the run (see helpers/mail.ts).
  process.env.TEST_MAILBOX_DIR = path.join(dataDir, 'mailbox');
  mailbox = await startTestMailbox(process.env.TEST_MAILBOX_DIR);
  process.env.TEST_SMTP_URL = mailbox.url;
  // Every query's shape goes to one file, the app processes the browser tests start included; the index
  // check (test/zz-queries) runs last and reads it. A QUERY_SHAPES_FILE set beforehand is kept after the run.
  process.env.QUERY_SHAPES_FILE ||= path.join(dataDir, 'query-shapes.jsonl');
  await connectDatabase({
    uri: database.uri,
    serverSelectionTimeoutMs: 2500,
    queryShapesFile: process.env.QUERY_SHAPES_FILE,
  });
  await ensureIndexes(allModels(testConfig()));
}

export async function mochaGlobalTeardown(): Promise<void> {
  await disconnectDatabase().catch(() => undefined);
  await mailbox?.stop();
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

function testDatabaseKind(): EmbeddedDatabaseKind {
  const wanted = process.env.TEST_EMBEDDED_DB || process.env.EMBEDDED_DB || 'ferretdb';
  const kind = EMBEDDED_DATABASE_KINDS.find((candidate) => candidate === wanted);
  if (!kind) throw new Error(`TEST_EMBEDDED_DB must be one of ${EMBEDDED_DATABASE_KINDS.join(', ')}`);
  return kind;
}

/**
 * What a test calls directly (a service, a job, the demo seeding) runs inside the wiring of an app of every
 * component, as it would in the running app. A test that needs other collaborators builds its own app
 * with them (buildTestApp({ provisions })) and runs its direct calls in that app's wiring.
 */
const defaultWiring = () => {
  const config = testConfig();
  return assemble(config, mailSettingsFor(config, createLogger('silent'))).wiring;
};
let wiring: ReturnType<typeof defaultWiring> | undefined;
export const mochaHooks = {
  beforeAll(): void {
    wiring ??= defaultWiring();
    enterWiring(wiring);
  },
  beforeEach(): void {
    enterWiring(wiring!);
  },
};
