import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { buildTestApp } from '../../helpers/test-app.js';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  return { logger: createLogger('info', destination), lines };
}

describe('request logging', () => {
  it('when a request is served, then one structured line carries its request id, path and status', async () => {
    const { logger, lines } = capturingLogger();
    const response = await request(buildTestApp({ logger })).get('/tilgaengelighed');
    const entry = lines.map((line) => JSON.parse(line)).find((e) => e.req?.path === '/tilgaengelighed');
    assert.ok(entry, 'a log line for the request');
    assert.equal(entry.req.id, response.headers['x-request-id']);
    assert.equal(entry.res.statusCode, 200);
  });

  it('when a request carries cookies, credentials or a query, then none of them reach the log', async () => {
    const { logger, lines } = capturingLogger();
    await request(buildTestApp({ logger }))
      .get('/findes-ikke?cpr=010203-1234&search=barnets+navn')
      .set('Cookie', 'connect.sid=s%3Asecret-session-value')
      .set('Authorization', 'Bearer secret-token-value');
    const log = lines.join('\n');
    assert.ok(log.length > 0);
    for (const secret of ['secret-session-value', 'secret-token-value', '010203-1234', 'barnets']) {
      assert.ok(!log.includes(secret), `log contains ${secret}`);
    }
  });
});
