import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnServer } from '../../helpers/server-process.js';

describe('start-up on a port already in use (real server process)', function () {
  this.timeout(60_000);
  let holder: Server;
  let dataDir: string;

  before(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-port-'));
  });

  after(async () => {
    await new Promise((resolve) => holder.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when PORT is held by another listener, then start-up stops with exit 1 and a message naming the address and PORT, before the scheduler starts', async () => {
    const port = (holder.address() as { port: number }).port;
    const server = spawnServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
    });
    const code = await server.exited;
    const output = server.output();

    assert.equal(code, 1, `exit code ${code}\n${output}`);
    assert.match(
      output,
      new RegExp(`Brobygning could not start: 127\\.0\\.0\\.1:${port} is already in use \\(EADDRINUSE\\)`),
    );
    assert.match(output, /set PORT to a free port/);
    assert.doesNotMatch(output, /scheduler started/, 'the scheduler never started');
    assert.doesNotMatch(output, /Brobygning is running/);
    assert.doesNotMatch(output, /TypeError/);
    assert.doesNotMatch(output, /^\s+at /m, 'no stack trace on the console');
    // The embedded database it had started is stopped before the exit.
    assert.match(output, /"msg":"database closed"/);
  });
});
