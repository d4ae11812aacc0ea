import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedDatabase, EmbeddedDatabaseError } from '../../../src/shared/db/index.js';
import { FERRETDB_BIN, withClient } from '../../helpers/embedded-client.js';

describe('embedded FerretDB', function () {
  this.timeout(60_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-restart-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when the embedded database restarts on the same directory, then the data is still there', async () => {
    const first = await startEmbeddedDatabase({ kind: 'ferretdb', dataDir, ferretdbBin: FERRETDB_BIN });
    await withClient(first.uri, (client) =>
      client.db('brobygning').collection('notes').insertOne({ text: 'Ærø, Åbenrå, Øster' }),
    );
    await first.stop();

    const second = await startEmbeddedDatabase({ kind: 'ferretdb', dataDir, ferretdbBin: FERRETDB_BIN });
    try {
      const found = await withClient(second.uri, (client) =>
        client.db('brobygning').collection('notes').findOne({}),
      );
      assert.equal(found?.text, 'Ærø, Åbenrå, Øster');
    } finally {
      await second.stop();
    }
  });

  it('when stopped, then its port no longer answers', async () => {
    const database = await startEmbeddedDatabase({ kind: 'ferretdb', dataDir, ferretdbBin: FERRETDB_BIN });
    await database.stop();
    const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 500 });
    await assert.rejects(client.connect());
    await client.close();
  });

  it('when the launcher has not been built, then the error says how to build it', async () => {
    await assert.rejects(
      startEmbeddedDatabase({ kind: 'ferretdb', dataDir, ferretdbBin: path.join(dataDir, 'missing') }),
      (error: unknown) => error instanceof EmbeddedDatabaseError && /npm run build-db/.test(error.message),
    );
  });
});
