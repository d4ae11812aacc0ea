import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../src/shared/db/index.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';

const FERRETDB_BIN = path.resolve('.cache/bin/ferretdb-launcher');

async function pollUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('database outage (real server process, real FerretDB)', function () {
  this.timeout(90_000);
  let dataDir: string;
  let database: EmbeddedDatabase;
  let server: ServerProcess;

  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-outage-'));
    database = await startEmbeddedDatabase({ kind: 'ferretdb', dataDir, ferretdbBin: FERRETDB_BIN });
    server = await startServerProcess({ MONGODB_URI: database.uri, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  });

  after(async () => {
    server?.child.kill('SIGKILL');
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the database stops, then pages answer 503 with Retry-After within 5 s; when it returns, then 200 again', async () => {
    assert.equal((await fetch(`${server.baseUrl}/`)).status, 200);

    await database.stop();
    let outagePage: Response | undefined;
    const stoppedAt = Date.now();
    await pollUntil(async () => {
      const started = Date.now();
      outagePage = await fetch(`${server.baseUrl}/`, { signal: AbortSignal.timeout(5000) });
      // Every single answer during the outage must come quickly, never a 10-second hang.
      assert.ok(Date.now() - started < 5000, 'a request hung');
      return outagePage.status === 503;
    }, 5000);
    assert.ok(Date.now() - stoppedAt < 5000);
    if (process.env.REPORT_TIMINGS) console.log(`    503 after ${Date.now() - stoppedAt} ms`);
    assert.equal(outagePage!.headers.get('retry-after'), '10');
    const html = await outagePage!.text();
    assert.match(html, /Brobygning er midlertidigt utilgængelig/);
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 503);
    assert.equal((await fetch(`${server.baseUrl}/livez`)).status, 200, 'the process must stay alive');

    // Same port and data directory: the driver reconnects by itself, no restart of the app.
    database = await startEmbeddedDatabase({
      kind: 'ferretdb',
      dataDir,
      ferretdbBin: FERRETDB_BIN,
      port: database.port,
    });
    const recoveredIn = await pollUntil(
      async () => (await fetch(`${server.baseUrl}/`)).status === 200,
      30_000,
    );
    if (process.env.REPORT_TIMINGS)
      console.log(`    200 again ${recoveredIn} ms after the database returned`);
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
    assert.equal(server.child.exitCode, null, 'the same process recovered');
  });
});
