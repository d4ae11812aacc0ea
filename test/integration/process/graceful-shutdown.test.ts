import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';

function openSocket(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

function readResponse(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
    socket.on('end', () => resolve(data));
  });
}

describe('graceful shutdown (real server process with its embedded FerretDB)', function () {
  this.timeout(90_000);
  let dataDir: string;
  let server: ServerProcess;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-shutdown-'));
    server = await startServerProcess({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'info' });
  });

  afterEach(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when SIGTERM arrives during a request, then the request finishes, new ones are refused and it exits 0 within 10 s', async () => {
    const databaseUri = /embedded ferretdb at (\S+)/.exec(server.output())?.[1];
    assert.ok(databaseUri, 'the banner names the embedded database');

    // A request whose body is still arriving is in flight: the server cannot answer before it ends.
    const socket = await openSocket(server.baseUrl);
    const response = readResponse(socket);
    const body = 'naam=' + 'x'.repeat(95);
    socket.write(
      `POST /findes-ikke HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 50)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await assert.rejects(fetch(`${server.baseUrl}/livez`), 'new connections are refused while draining');

    socket.write(body.slice(50));
    const raw = await response;
    // The body is read before anything answers; a POST without a CSRF token then gets a full 403 page.
    assert.match(raw, /^HTTP\/1\.1 403 [\s\S]*<\/html>/, 'the in-flight request got its full answer');

    const code = await server.exited;
    assert.equal(code, 0);
    assert.ok(Date.now() - signalledAt < 10_000, 'exited within 10 s');
    assert.match(server.output(), /"msg":"stopped"/);

    const client = new MongoClient(databaseUri, { serverSelectionTimeoutMS: 500 });
    await assert.rejects(client.connect(), 'the embedded FerretDB was stopped too');
    await client.close();
  });

  it('when SIGINT arrives with no traffic, then it exits 0 promptly', async () => {
    const signalledAt = Date.now();
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
    assert.ok(Date.now() - signalledAt < 10_000);
  });
});
