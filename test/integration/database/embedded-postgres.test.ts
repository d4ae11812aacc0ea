import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedDatabase, type EmbeddedDatabaseKind } from '../../../src/shared/db/index.js';
import { FERRETDB_BIN, withClient } from '../../helpers/embedded-client.js';

describe('embedded FerretDB on PostgreSQL', function () {
  this.timeout(60_000);
  let dataDir: string;
  const start = (kind: EmbeddedDatabaseKind = 'ferretdb-postgres') =>
    startEmbeddedDatabase({ kind, dataDir, ferretdbBin: FERRETDB_BIN });
  const notes = (client: MongoClient) => client.db('brobygning').collection('notes');

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-postgres-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when it restarts on the same directory, then the data is still there, in DATA_DIR/pg', async () => {
    const first = await start();
    await withClient(first.uri, (client) => notes(client).insertOne({ text: 'Ærø, Åbenrå, Øster' }));
    await first.stop();
    assert.ok(existsSync(path.join(dataDir, 'pg', 'PG_VERSION')));

    const second = await start();
    try {
      const found = await withClient(second.uri, (client) => notes(client).findOne({}));
      assert.equal(found?.text, 'Ærø, Åbenrå, Øster');
    } finally {
      await second.stop();
    }
  });

  it('when stopped, then FerretDB no longer answers and PostgreSQL has shut down cleanly', async () => {
    const database = await start();
    assert.ok(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')));
    await database.stop();
    assert.ok(!existsSync(path.join(dataDir, 'pg', 'postmaster.pid')));
    const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 500 });
    await assert.rejects(client.connect());
    await client.close();
  });

  it('when started as root, then the cluster belongs to an unprivileged user', async function () {
    if (process.getuid?.() !== 0) this.skip();
    const database = await start();
    try {
      assert.notEqual(statSync(path.join(dataDir, 'pg')).uid, 0);
    } finally {
      await database.stop();
    }
  });

  it('when the backend changes on the same directory, then the other backend’s data is not seen', async () => {
    const sqlite = await start('ferretdb-sqlite');
    await withClient(sqlite.uri, (client) => notes(client).insertOne({ text: 'on SQLite' }));
    await sqlite.stop();

    const postgres = await start();
    try {
      assert.equal(await withClient(postgres.uri, (client) => notes(client).countDocuments()), 0);
    } finally {
      await postgres.stop();
    }
  });
});
