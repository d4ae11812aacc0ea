import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { listRoutes, RateLimitHitModel } from '../../../src/shared/http/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import {
  createUser,
  csrfFrom,
  loginAs,
  submitForm,
  totpCode,
  type Agent,
  type TestUser,
} from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { ROLE_FOR_ACTION, type Kind } from '../../helpers/route-roles.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

interface Session {
  agent: Agent;
  token: string;
}

async function sessionFor(app: Express, kind: Kind): Promise<Session> {
  // These tests log in far more often than the per-IP limit allows; the limit has tests of its own.
  await RateLimitHitModel.deleteMany({});
  if (kind === 'anonymous') {
    const agent = request.agent(app);
    return { agent, token: csrfFrom((await agent.get('/log-ind')).text) };
  }
  if (kind === 'second-factor-pending') {
    // A social worker who has typed the password but not yet the code.
    const user = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      totp: true,
    });
    const agent = request.agent(app);
    await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    return { agent, token: csrfFrom((await agent.get('/log-ind/totp')).text) };
  }
  const municipalityCode =
    kind === 'municipal-admin' || kind === 'social-worker' || kind === 'leader' ? '0849' : undefined;
  const organisationId = kind === 'coordinator' ? await createOrganisation() : undefined;
  const user = await createUser({ roles: [{ role: kind, municipalityCode, organisationId }], totp: true });
  const agent = await loginAs(app, user);
  return { agent, token: csrfFrom((await agent.get('/konto')).text) };
}

/**
 * Logging in (argon2 and a second factor) is what makes these tests slow, so each kind of person logs in
 * once and the session is reused for as long as it still works: before each use the account page is read
 * again (which also gives the current token), and a session that a payload ended is replaced by a fresh
 * login. A half-logged-in session always starts afresh, since wrong codes count against it.
 */
function sessionPool(app: Express): (kind: Kind) => Promise<Session> {
  const pool = new Map<Kind, Session>();
  return async (kind) => {
    const cached = pool.get(kind);
    if (cached && kind === 'anonymous') return cached;
    if (cached && kind !== 'second-factor-pending') {
      const page = await cached.agent.get('/konto').redirects(0);
      if (page.status === 200) return { agent: cached.agent, token: csrfFrom(page.text) };
    }
    const fresh = await sessionFor(app, kind);
    pool.set(kind, fresh);
    return fresh;
  };
}

/** Form bodies as a hostile client would write them (raw, so nothing is re-encoded on the way). */
const PAYLOADS: Record<string, (token: string) => string> = {
  'operator injection': (token) =>
    `_csrf=${token}&email[$ne]=x&password[$ne]=x&name[$gt]=&role[$ne]=volunteer&code[$ne]=1&userId[$ne]=1`,
  'prototype pollution': (token) =>
    `_csrf=${token}&__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__=x&toString=x`,
  'duplicate parameters': (token) =>
    `_csrf=${token}&email=a@example.dk&email=b@example.dk&name=A&name=B&password=x&password=y` +
    `&role=social-worker&role=municipal-admin&code=123456&code=654321&language=da&language=en`,
  'CRLF in e-mail fields': (token) =>
    `_csrf=${token}&email=${encodeURIComponent('a@example.dk\r\nBcc: eve@example.dk')}` +
    `&name=${encodeURIComponent('Eve\r\nBcc: eve@example.dk')}&password=bølgebryder-sandslot-41`,
};

function pathFor(routePath: string, target: TestUser, organisationId = '0'.repeat(24)): string {
  return routePath
    .replace(':token', 'x'.repeat(43))
    .replace(':userId', target.id)
    .replace(':code', '0849')
    .replace(':organisationId', organisationId);
}

describe('hostile input on every form (generated from the route table)', function () {
  // Every POST route × four payloads, each with a fresh login (argon2 + TOTP): minutes on a shared machine.
  this.timeout(360_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp({ config: testConfig({ DEMO_MODE: 'true' }) });
  });

  const postRoutes = () => listRoutes().filter((route) => route.method === 'post');

  it('when a form gets operators, prototype keys, duplicates or CR/LF, then the answer is a clear 4xx or the form, never a crash', async () => {
    const target = await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }] });
    const organisationId = await createOrganisation();
    const failures: string[] = [];
    const session = sessionPool(app);
    for (const route of postRoutes()) {
      for (const [name, payload] of Object.entries(PAYLOADS)) {
        const { agent, token } = await session(ROLE_FOR_ACTION[route.action]!);
        const response = await agent
          .post(pathFor(route.path, target, organisationId))
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send(payload(token));
        if (response.status >= 500) failures.push(`${route.path} (${name}): ${response.status}`);
        if (/at [\w.<>]+ \(|node_modules|MongoServerError|CastError/.test(response.text)) {
          failures.push(`${route.path} (${name}): internals in the answer`);
        }
        if ((Object.prototype as Record<string, unknown>).polluted !== undefined) {
          failures.push(`${route.path} (${name}): Object.prototype polluted`);
        }
      }
    }
    assert.deepEqual(failures, []);
    // No message may go anywhere a header injection would have sent it.
    const recipients = (await OutboxMessageModel.find().lean()).map((message) => message.to);
    assert.deepEqual(
      recipients.filter((to) => /eve|[\r\n]/.test(to)),
      [],
    );
  });

  it('when a form body is larger than 32 kB, then it is refused with 413 and a page saying so', async () => {
    const failures: string[] = [];
    const target = await createUser({});
    for (const route of postRoutes()) {
      const { agent, token } = await sessionFor(app, ROLE_FOR_ACTION[route.action]!);
      const response = await agent
        .post(pathFor(route.path, target))
        .type('form')
        .send({ _csrf: token, name: 'x'.repeat(40_000) });
      if (response.status !== 413) failures.push(`${route.path}: ${response.status}`);
    }
    assert.deepEqual(failures, []);
  });

  it('when an operator is typed into the login form, then nobody is logged in', async () => {
    await createUser({ email: 'target@example.dk' });
    const { agent, token } = await sessionFor(app, 'anonymous');
    const response = await agent
      .post('/log-ind')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`_csrf=${token}&email[$ne]=nobody&password[$ne]=x`);
    // Field names no form of ours has are a tampered request: a plain 400 page, not a login attempt.
    assert.equal(response.status, 400);
    assert.match(response.text, /Forespørgslen kunne ikke behandles/);
    const account = await agent.get('/konto').redirects(0);
    assert.equal(account.status, 303);
    assert.equal(account.headers.location, '/log-ind');
  });

  it('when a name holds a script, then it is stored as typed and shown escaped, in the account and staff pages', async () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const worker = await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }] });
    await UserModel.updateOne({ _id: worker.id }, { $set: { name: payload } });
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    const staffPage = await (await loginAs(app, admin)).get('/kommune/medarbejdere');
    assert.ok(!staffPage.text.includes(payload));
    assert.ok(staffPage.text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));

    const volunteer = await createUser({});
    const agent = await loginAs(app, volunteer);
    const saved = await submitForm(agent, '/konto', '/konto/profil', {
      name: payload,
      language: 'da',
      phone: '',
    });
    assert.equal(saved.status, 303);
    assert.equal((await UserModel.findById(volunteer.id).lean())?.name, payload);
    const page = await agent.get('/konto');
    assert.ok(!page.text.includes('<script>alert'));
    assert.ok(page.text.includes('&lt;script&gt;'));
  });
});

describe('CSRF on every state-changing route (generated from the route table)', function () {
  // Every POST route × three tokens, each with a fresh login: minutes on a shared machine.
  this.timeout(360_000);
  useTestDatabase();

  it('when a token is missing, foreign, or from before login, then every POST route refuses with 403', async () => {
    await importMunicipalities();
    const app = buildTestApp({ config: testConfig({ DEMO_MODE: 'true' }) });
    const target = await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }] });
    const failures: string[] = [];
    // A refused request changes nothing, so each kind of person logs in once (see sessionPool); the one
    // whose token is foreign is an anonymous visitor of its own.
    const session = sessionPool(app);
    const foreign = await sessionFor(app, 'anonymous');
    const preLogin = new Map<Kind, { agent: Agent; before: string }>();
    for (const route of listRoutes().filter((r) => r.method === 'post')) {
      const kind = ROLE_FOR_ACTION[route.action]!;
      const path = pathFor(route.path, target);

      const missing = await session(kind);
      const noToken = await missing.agent.post(path).type('form').send({ email: 'a@example.dk' });
      if (noToken.status !== 403) failures.push(`${route.path} without a token: ${noToken.status}`);

      const own = await session(kind);
      const foreignToken = await own.agent.post(path).type('form').send({ _csrf: foreign.token });
      if (foreignToken.status !== 403)
        failures.push(`${route.path} with a foreign token: ${foreignToken.status}`);

      if (kind !== 'anonymous' && kind !== 'second-factor-pending') {
        // The token a visitor had on the login page must die with the login.
        if (!preLogin.has(kind)) {
          const user = await createUser({ roles: [{ role: kind, municipalityCode: '0849' }], totp: true });
          const agent = request.agent(app);
          const before = csrfFrom((await agent.get('/log-ind')).text);
          await RateLimitHitModel.deleteMany({});
          await loginAsWith(agent, user);
          preLogin.set(kind, { agent, before });
        }
        const { agent, before } = preLogin.get(kind)!;
        const stale = await agent.post(path).type('form').send({ _csrf: before });
        if (stale.status !== 403) failures.push(`${route.path} with a pre-login token: ${stale.status}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

/** loginAs on an agent that already has a session (to keep its pre-login token in hand). */
async function loginAsWith(agent: Agent, user: TestUser): Promise<void> {
  await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
  await UserModel.updateOne({ _id: user.id }, { $unset: { 'totp.lastTimeStep': 1 } });
  const done = await submitForm(agent, '/log-ind/totp', '/log-ind/totp', {
    code: totpCode(user.totpSecret!),
  });
  if (done.status !== 303) throw new Error(`login failed: ${done.status}`);
}
