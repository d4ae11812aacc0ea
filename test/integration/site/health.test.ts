import assert from 'node:assert/strict';
import request from 'supertest';
import { buildTestApp } from '../../helpers/test-app.js';

describe('health probes', () => {
  it('when the process runs, then /livez answers 200', async () => {
    const response = await request(buildTestApp()).get('/livez');
    assert.equal(response.status, 200);
    assert.equal(response.body.status, 'ok');
  });

  it('when the database answers, then /readyz answers 200', async () => {
    const response = await request(buildTestApp()).get('/readyz');
    assert.equal(response.status, 200);
  });

  it('when the app is shutting down, then /readyz answers 503 while /livez stays 200', async () => {
    const app = buildTestApp({ isShuttingDown: () => true });
    assert.equal((await request(app).get('/readyz')).status, 503);
    assert.equal((await request(app).get('/livez')).status, 200);
  });
});
