import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { Router } from 'express';
import { defaultComponents } from '../../../src/component-list.js';
import {
  answerCutOffRequest,
  trackInFlightRequests,
  type InFlightRequests,
} from '../../../src/shared/lifecycle/index.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { pollUntil, requestOutcome } from '../../helpers/http-exchanges.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';

/** A page whose handler waits until released, then answers late in every way a handler can. */
function slowPage() {
  const state = { reached: false, finished: false, lateErrors: [] as unknown[], release: () => {} };
  const released = new Promise<void>((resolve) => (state.release = resolve));
  const router = Router();
  router.get('/langsom-side', async (req, res) => {
    // A session changed before the wait: its saving must not hold the 503 back, nor set a cookie.
    await (req as unknown as { startSession?: () => Promise<void> }).startSession?.();
    (req.session as unknown as Record<string, unknown>).visited = true;
    state.reached = true;
    await released;
    res.on('error', (error) => state.lateErrors.push(error));
    // In a callback, as a render or a driver callback would: a throw here would be uncaught.
    setImmediate(() => {
      for (const lateAnswer of [
        () => res.status(200).send('for sent'),
        () => res.write('mere'),
        () => res.redirect(303, '/'),
        () => res.end(),
      ]) {
        try {
          lateAnswer();
        } catch (error) {
          state.lateErrors.push(error);
        }
      }
      setImmediate(() => (state.finished = true));
    });
  });
  return { router, state };
}

describe('a request cut off at the shutdown limit', () => {
  let server: Server;
  let requests: InFlightRequests;
  let page: ReturnType<typeof slowPage>;
  let baseUrl: string;

  beforeEach(async () => {
    page = slowPage();
    const app = buildTestApp({
      components: [...defaultComponents(testConfig()), { name: 'slow', router: page.router }],
    });
    server = createServer();
    requests = trackInFlightRequests(server);
    server.on('request', app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterEach(async () => {
    page.state.release();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const cutOffEverything = () => {
    for (const { req, res } of requests.unanswered()) answerCutOffRequest(req, res, createLogger('silent'));
  };

  it('when its handler is still running, then it gets the site’s 503 page with Retry-After and Connection: close, and the handler’s later answers are dropped without an error', async () => {
    const outcome = requestOutcome(baseUrl, { path: '/langsom-side', agent: false, id: 'cut-off-page-1' });
    await pollUntil(() => page.state.reached, 5000);
    assert.equal(requests.unanswered().length, 1);

    cutOffEverything();
    const answer = await outcome;
    assert.equal(answer.status, 503, `got ${answer.status} ${answer.error ?? ''}`);
    assert.ok(answer.complete);
    assert.equal(answer.headers?.['retry-after'], '10');
    assert.equal(answer.headers?.connection, 'close');
    assert.equal(answer.headers?.['cache-control'], 'no-store');
    assert.equal(answer.headers?.['set-cookie'], undefined, 'no session cookie on the 503');
    assert.ok(answer.headers?.['x-request-id'], 'headers set before the cut-off (request id) are kept');
    assert.match(answer.body, /Brobygning er midlertidigt utilgængelig/);
    assert.ok(answer.body.includes('cut-off-page-1'), 'the page names the request id for support');

    page.state.release();
    await pollUntil(() => page.state.finished, 5000);
    assert.deepEqual(
      page.state.lateErrors.map((error) => (error as { code?: string }).code ?? String(error)),
      [],
      'the late answers neither threw nor emitted an error',
    );
    assert.equal(requests.count, 0);
  });

  it('when a JSON client’s request is cut off, then the 503 is JSON with a stable code', async () => {
    const outcome = requestOutcome(baseUrl, {
      path: '/langsom-side',
      agent: false,
      id: 'cut-off-json-1',
      headers: { Accept: 'application/json' },
    });
    await pollUntil(() => page.state.reached, 5000);
    cutOffEverything();
    const answer = await outcome;
    assert.equal(answer.status, 503);
    assert.match(answer.headers?.['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(answer.body), {
      error: { code: 'SHUTTING_DOWN', requestId: 'cut-off-json-1' },
    });
  });
});
