import assert from 'node:assert/strict';
import request from 'supertest';
import { buildTestApp } from '../../helpers/test-app.js';
import { createApp } from '../../../src/app.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { testConfig } from '../../helpers/test-config.js';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as [string, string];
    }),
  );
}

describe('security headers', () => {
  for (const path of ['/', '/findes-ikke', '/tilgaengelighed']) {
    it(`when ${path} is served, then it carries a strict CSP and no X-Powered-By`, async () => {
      const response = await request(buildTestApp()).get(path);
      const csp = directives(response.headers['content-security-policy']);
      assert.equal(csp.get('default-src'), "'self'");
      assert.equal(csp.get('script-src'), "'self'");
      assert.equal(csp.get('object-src'), "'none'");
      assert.equal(csp.get('base-uri'), "'none'");
      assert.equal(csp.get('frame-ancestors'), "'none'");
      for (const value of csp.values()) {
        assert.doesNotMatch(value, /unsafe-inline|unsafe-eval/);
      }
      assert.equal(response.headers['x-powered-by'], undefined);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
    });
  }

  it('when not in production, then no HSTS header is sent (it would pin localhost to https)', async () => {
    const response = await request(buildTestApp()).get('/');
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  it('when in production, then HSTS is sent and the language cookie is Secure', async () => {
    const app = createApp({
      config: testConfig({
        NODE_ENV: 'production',
        MONGODB_URI: process.env.TEST_MONGODB_URI!,
        SESSION_SECRET: 'x'.repeat(40),
        DATA_ENCRYPTION_KEY: '0'.repeat(64),
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_BASE_URL: 'https://brobygning.example.dk',
      }),
      logger: createLogger('silent'),
    });
    const page = await request(app).get('/');
    assert.match(page.headers['strict-transport-security'], /max-age=\d+/);
    const switched = await request(app).get('/sprog/en');
    assert.match(String(switched.headers['set-cookie']), /Secure/);
  });

  it('when a stylesheet is requested, then it is served from our own origin', async () => {
    const response = await request(buildTestApp()).get('/css/main.css');
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'], /text\/css/);
  });
});
