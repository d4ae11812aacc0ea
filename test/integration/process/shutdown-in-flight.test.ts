import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import {
  loggedRequests,
  openSocket,
  pollUntil,
  rawReader,
  requestOutcome,
  startSlowPost,
  untilRefused,
  type Outcome,
} from '../../helpers/http-exchanges.js';
import { startStallableProxy, type StallableProxy } from '../../helpers/stallable-proxy.js';

// Real pages only: the front page, the marketplace (database), the login form (a session is stored),
// a language switch (303), an offer that does not exist (a database read, then 404).
const PAGES = ['/', '/tilbud', '/log-ind', '/sprog/en?tilbage=/tilbud', '/tilbud/0123456789abcdef01234567'];
const FORM_BODY = 'naam=' + 'x'.repeat(95);

function databaseUri(name: string): string {
  const url = new URL(process.env.TEST_MONGODB_URI!);
  url.pathname = `/${name}`;
  return url.toString();
}

function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const key = outcome.status
      ? `${outcome.status}${outcome.complete ? '' : ' (incomplete)'}`
      : outcome.error!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key}: ${count}`).join(', ');
}

describe('stopping with requests in flight (real server process)', function () {
  this.timeout(90_000);
  let server: ServerProcess | undefined;
  let proxy: StallableProxy | undefined;
  const agents: http.Agent[] = [];

  afterEach(async () => {
    server?.child.kill('SIGKILL');
    server = undefined;
    for (const agent of agents.splice(0)) agent.destroy();
    await proxy?.close();
    proxy = undefined;
  });

  it('when SIGTERM arrives during a burst of 48 concurrent requests, then every request the server accepted gets a whole response and it exits 0', async () => {
    server = await startServerProcess({
      MONGODB_URI: databaseUri(uniqueName('shutdown-burst')),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
    });
    const baseUrl = server.baseUrl;
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const keepAliveSlow = new http.Agent({ keepAlive: true, maxSockets: 12 });
    agents.push(keepAlive, keepAliveSlow);
    let sequence = 0;
    const nextId = (kind: string) => `${kind}-${String((sequence += 1)).padStart(4, '0')}-burst`;

    // Keep-alive connections in use before the stop.
    const warmUp = await Promise.all([
      ...Array.from({ length: 16 }, () =>
        requestOutcome(baseUrl, { path: '/', agent: keepAlive, id: nextId('warm') }),
      ),
      ...Array.from({ length: 12 }, () =>
        requestOutcome(baseUrl, { path: '/', agent: keepAliveSlow, id: nextId('warm') }),
      ),
    ]);
    assert.ok(
      warmUp.every((o) => o.status === 200 && o.complete),
      `warm-up: ${tally(warmUp)}`,
    );

    // 24 requests the server is certainly running: it answered "100 Continue", the body is still to come.
    const slow = [
      ...Array.from({ length: 12 }, () =>
        startSlowPost(baseUrl, { path: '/log-ind', agent: false, id: nextId('slow-new') }, FORM_BODY),
      ),
      ...Array.from({ length: 12 }, () =>
        startSlowPost(
          baseUrl,
          { path: '/log-ind', agent: keepAliveSlow, id: nextId('slow-kept') },
          FORM_BODY,
        ),
      ),
    ];
    await Promise.all(slow.map((request) => request.accepted));

    // 24 clients asking for pages back to back (16 over keep-alive, 8 on new connections) until refused.
    const pageOutcomes: Outcome[] = [];
    const client = async (agent: http.Agent | false) => {
      for (let turn = 0; ; turn += 1) {
        const outcome = await requestOutcome(baseUrl, {
          path: PAGES[turn % PAGES.length]!,
          agent,
          id: nextId(agent ? 'page-kept' : 'page-new'),
        });
        pageOutcomes.push(outcome);
        if (!outcome.status) return;
      }
    };
    const clients = [
      ...Array.from({ length: 16 }, () => client(keepAlive)),
      ...Array.from({ length: 8 }, () => client(false)),
    ];
    await pollUntil(() => pageOutcomes.length >= 48, 20_000);

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await untilRefused(baseUrl, 10_000);
    for (const request of slow) request.finish();
    const slowOutcomes = await Promise.all(slow.map((request) => request.outcome));
    await Promise.all(clients);
    const code = await server.exited;
    const stoppedIn = Date.now() - signalledAt;

    assert.equal(code, 0, `exit code ${code}`);
    assert.ok(stoppedIn < 12_000, `stopped in ${stoppedIn} ms`);
    assert.ok(
      slowOutcomes.every((o) => o.status === 403 && o.complete),
      `the 24 requests in flight at SIGTERM get their own answer (a form post without its token: 403): ${tally(slowOutcomes)}`,
    );
    const keptSlow = slowOutcomes.filter((o) => o.id.startsWith('slow-kept'));
    assert.ok(
      keptSlow.every((o) => o.headers?.connection === 'close'),
      `answers given during the stop close their keep-alive connection: ${keptSlow.map((o) => o.headers?.connection).join(',')}`,
    );

    const all = [...slowOutcomes, ...pageOutcomes];
    const logged = loggedRequests(server.output());
    const acceptedButNotAnswered = all.filter((o) => logged.has(o.id) && !(o.status && o.complete));
    const aborted = [...logged].filter(([, msg]) => msg === 'request aborted');
    const incomplete = all.filter((o) => o.status && !o.complete);
    // Keep-alive page requests answered with "Connection: close": answered while the server was stopping.
    const pagesDuringStop = pageOutcomes.filter(
      (o) => o.id.startsWith('page-kept') && o.headers?.connection === 'close',
    );
    // What the server never read may fail: a new connection refused, one still in the listen backlog when
    // the listener closed, a request sent over an idle keep-alive connection as it was closed. Everything
    // the server took in must be answered in full.
    const notAccepted = all.filter((o) => !o.status && !logged.has(o.id));
    const summary =
      `${all.length} requests (${tally(all)}); pages answered during the stop: ${pagesDuringStop.length}; ` +
      `never read by the server: ${tally(notAccepted) || 'none'}`;
    if (process.env.REPORT_TIMINGS) console.log(`    ${summary}; stopped in ${stoppedIn} ms`);
    assert.equal(
      acceptedButNotAnswered.length,
      0,
      `accepted but not answered: ${tally(acceptedButNotAnswered)}; ${summary}`,
    );
    assert.equal(incomplete.length, 0, `cut-off responses: ${tally(incomplete)}; ${summary}`);
    assert.equal(aborted.length, 0, `the server logged ${aborted.length} aborted requests; ${summary}`);
    assert.ok(pagesDuringStop.length > 0, `the burst went on into the stop: ${summary}`);
  });

  it('when SIGTERM arrives, then /readyz answers 503 over a connection already open while a request is still being served', async () => {
    server = await startServerProcess({
      MONGODB_URI: databaseUri(uniqueName('shutdown-readyz')),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
    });
    const baseUrl = server.baseUrl;
    const inFlight = startSlowPost(
      baseUrl,
      { path: '/log-ind', agent: false, id: 'readyz-slow-post' },
      FORM_BODY,
    );
    await inFlight.accepted;
    let inFlightAnswered = false;
    void inFlight.outcome.then(() => (inFlightAnswered = true));

    // A keep-alive connection that has served a request and sits idle when the stop begins.
    const socket = await openSocket(baseUrl);
    const reader = rawReader(socket);
    socket.write('GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await pollUntil(() => reader.responses().length === 1, 5000);
    assert.equal(reader.responses()[0]!.status, 200);
    assert.equal(reader.responses()[0]!.headers.connection, 'keep-alive');

    server.child.kill('SIGTERM');
    await untilRefused(baseUrl, 10_000);
    // The server stopped accepting; a request already on its way over an open connection is still read.
    socket.write('GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await pollUntil(() => reader.responses().length === 2, 5000);
    const readiness = reader.responses()[1]!;
    assert.equal(readiness.status, 503, `readyz during the stop: ${readiness.status} ${readiness.body}`);
    assert.deepEqual(JSON.parse(readiness.body), { status: 'shutting-down' });
    assert.equal(readiness.headers.connection, 'close');
    assert.equal(
      inFlightAnswered,
      false,
      'the request in flight was still being served when readyz said 503',
    );
    await reader.closed;

    inFlight.finish();
    const answered = await inFlight.outcome;
    assert.ok(answered.status === 403 && answered.complete, `the request in flight got ${tally([answered])}`);
    assert.equal(await server.exited, 0);
  });

  it('when a request still runs at SHUTDOWN_TIMEOUT_MS, then it is answered 503 with Retry-After, and its handler finishing later does not crash the exit', async () => {
    proxy = await startStallableProxy('127.0.0.1', Number(new URL(process.env.TEST_MONGODB_URI!).port));
    server = await startServerProcess({
      MONGODB_URI: proxy.uriFor(process.env.TEST_MONGODB_URI!, uniqueName('shutdown-limit')),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
    const baseUrl = server.baseUrl;
    const offerPage = '/tilbud/0123456789abcdef01234567';
    const normal = await requestOutcome(baseUrl, { path: offerPage, agent: false, id: 'limit-offer-before' });
    assert.equal(normal.status, 404, 'an offer that does not exist is a 404 while the database answers');

    // The database stops answering mid-query: the offer page's handler waits for its read.
    proxy.stall();
    const running = requestOutcome(baseUrl, { path: offerPage, agent: false, id: 'limit-offer-running' });
    await pollUntil(() => proxy!.held().includes('0123456789abcdef01234567', 0, 'hex'), 5000);
    // A JSON client whose body never finishes arriving: the request is in flight, its handler not reached.
    const neverFinished = startSlowPost(
      baseUrl,
      { path: '/log-ind', agent: false, id: 'limit-json-body', headers: { Accept: 'application/json' } },
      FORM_BODY,
    );
    await neverFinished.accepted;

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const [page, json] = await Promise.all([running, neverFinished.outcome]);
    const answeredAfter = Date.now() - signalledAt;
    proxy.resume();

    for (const outcome of [page, json]) {
      assert.equal(outcome.status, 503, `${outcome.id}: ${tally([outcome])}`);
      assert.ok(outcome.complete, `${outcome.id}: the whole 503 arrived`);
      assert.equal(outcome.headers?.['retry-after'], '10');
      assert.equal(outcome.headers?.connection, 'close');
    }
    assert.ok(answeredAfter >= 900, `answered at the limit, not before: ${answeredAfter} ms`);
    assert.match(page.body, /Brobygning er midlertidigt utilgængelig/);
    assert.match(page.body, /<\/html>/);
    assert.equal(JSON.parse(json.body).error.code, 'SHUTTING_DOWN');

    const code = await server.exited;
    const stoppedIn = Date.now() - signalledAt;
    if (process.env.REPORT_TIMINGS)
      console.log(`    503 after ${answeredAfter} ms; exited after ${stoppedIn} ms`);
    assert.equal(code, 0, `exit code ${code}\n${server.output().slice(-3000)}`);
    assert.ok(stoppedIn < 15_000, `stopped in ${stoppedIn} ms`);
    const output = server.output();
    assert.match(output, /"answered503":2/);
    // The offer page's handler went on after its 503: it failed when the database closed, and the error
    // handler's answer was dropped rather than thrown.
    assert.match(
      output,
      /"reqId":"limit-offer-running","msg":"a request answered 503 at the shutdown limit tried to answer later; dropped"/,
    );
    assert.doesNotMatch(output, /ERR_HTTP_HEADERS_SENT|ERR_STREAM_WRITE_AFTER_END|uncaught|unhandled/i);
    assert.match(output, /"msg":"stopped"/);
  });
});
