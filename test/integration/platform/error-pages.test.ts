import assert from 'node:assert/strict';
import { Router } from 'express';
import request from 'supertest';
import { defaultComponents } from '../../../src/component-list.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';

function appWithFailingRoute() {
  const router = Router();
  router.get('/boom', () => {
    throw new Error('secret internals: /srv/app/src/thing.ts line 42');
  });
  return buildTestApp({ components: [...defaultComponents(testConfig()), { name: 'failing', router }] });
}

describe('error pages', () => {
  it('when a page does not exist, then a 404 page shows the request id and no internals', async () => {
    const response = await request(buildTestApp()).get('/findes-ikke');
    assert.equal(response.status, 404);
    const requestId = response.headers['x-request-id'];
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.match(response.text, /<h1>Siden findes ikke<\/h1>/);
    assert.ok(response.text.includes(`Reference til support: ${requestId}`));
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('when an API client asks for JSON, then a 404 is JSON with a stable code', async () => {
    const response = await request(buildTestApp()).get('/findes-ikke').set('Accept', 'application/json');
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, {
      error: { code: 'NOT_FOUND', requestId: response.headers['x-request-id'] },
    });
  });

  it('when a route fails unexpectedly, then a 500 page shows a reference and never the error or a stack', async () => {
    const response = await request(appWithFailingRoute()).get('/boom');
    assert.equal(response.status, 500);
    assert.match(response.text, /<h1>Der opstod en fejl<\/h1>/);
    assert.ok(response.text.includes(response.headers['x-request-id']));
    assert.doesNotMatch(response.text, /secret internals|thing\.ts|at .*\(/);
  });

  it('when a route fails for an English visitor, then the 500 page is in English', async () => {
    const response = await request(appWithFailingRoute()).get('/boom').set('Cookie', 'lang=en');
    assert.match(response.text, /<h1>Something went wrong<\/h1>/);
  });

  it('when a proxy sends a safe request id, then it is kept; when unsafe, then a new one is made', async () => {
    const kept = await request(buildTestApp()).get('/x').set('X-Request-Id', 'abcdef12-3456');
    assert.equal(kept.headers['x-request-id'], 'abcdef12-3456');
    const replaced = await request(buildTestApp()).get('/x').set('X-Request-Id', '<script>alert(1)</script>');
    assert.notEqual(replaced.headers['x-request-id'], '<script>alert(1)</script>');
    assert.doesNotMatch(replaced.text, /<script>alert/);
  });
});

describe('malformed addresses', () => {
  // Routes with a path parameter (which the router would try to decode), one without, and no route at all.
  const PATHS = ['/samtykke/%', '/tilbud/%ZZ', '/invitation/%E0%A4%A', '/sprog/%', '/nulstil-adgangskode/%'];
  const MORE = ['/tilbud/%C0%80', '/sager/%ED%A0%80', '/log-ind%', '/%', '/css/%'];

  it('when a path has a percent-encoding that does not decode, then the answer is the 400 page, without login', async () => {
    const app = buildTestApp();
    for (const path of [...PATHS, ...MORE]) {
      const response = await request(app).get(path).redirects(0);
      assert.equal(response.status, 400, `${path} answered ${response.status}`);
      assert.match(response.text, /<h1>Forespørgslen kunne ikke behandles<\/h1>/, path);
      assert.doesNotMatch(response.text, /URIError|Failed to decode|at .*\(/, path);
    }
    const posted = await request(app).post('/samtykke/%').type('form').send({ x: '1' });
    assert.equal(posted.status, 400, `POST answered ${posted.status}`);
  });

  it('when an English visitor or a JSON client sends such a path, then the 400 is in English or JSON', async () => {
    const app = buildTestApp();
    const english = await request(app).get('/tilbud/%ZZ').set('Cookie', 'lang=en');
    assert.equal(english.status, 400);
    assert.match(english.text, /<h1>The request could not be processed<\/h1>/);
    const json = await request(app).get('/tilbud/%ZZ').set('Accept', 'application/json');
    assert.equal(json.status, 400);
    assert.deepEqual(json.body, { error: { code: 'BAD_REQUEST', requestId: json.headers['x-request-id'] } });
  });

  it('when a path is well encoded, then it still reaches its route', async () => {
    const response = await request(buildTestApp()).get('/sprog/%65n').redirects(0);
    assert.equal(response.status, 303, `answered ${response.status}`);
  });
});

describe('request limits', () => {
  it('when a form body is larger than 32 kB, then the answer is 413 with a page, not a crash', async () => {
    const response = await request(buildTestApp())
      .post('/')
      .type('form')
      .send(`field=${'a'.repeat(40 * 1024)}`);
    assert.equal(response.status, 413);
    assert.match(response.text, /<h1>Forespørgslen kunne ikke behandles<\/h1>/);
  });

  it('when a JSON body is malformed, then the answer is 400 JSON', async () => {
    const response = await request(buildTestApp())
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send('{"broken":');
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'BAD_REQUEST');
  });
});
