import assert from 'node:assert/strict';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { createUser, csrfFrom, submitForm, totpCode } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const SOCIAL_WORKER = [{ role: 'social-worker' as const, municipalityCode: '0849' }];

function secretFromEnrolmentPage(html: string): string {
  const match = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html);
  assert.ok(match, 'the enrolment page shows the key in text');
  return match[1].replace(/\s+/g, '');
}

describe('second factor (TOTP) for staff', () => {
  useTestDatabase();

  it('when a social worker without TOTP logs in, then everything but enrolment is closed until it is set up', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER });
    const agent = request.agent(buildTestApp());
    const login = await submitForm(agent, '/log-ind', '/log-ind', {
      email: user.email,
      password: user.password,
    });
    assert.equal(login.headers.location, '/konto/totp/opsaet');
    const blocked = await agent.get('/konto');
    assert.equal(blocked.status, 303);
    assert.equal(blocked.headers.location, '/konto/totp/opsaet');

    const enrolPage = await agent.get('/konto/totp/opsaet');
    assert.match(enrolPage.text, /src="data:image\/svg\+xml;base64,/);
    assert.doesNotMatch(enrolPage.text, /Spring over/, 'no skipping outside demo mode');
    const secret = secretFromEnrolmentPage(enrolPage.text);
    const wrong = await agent
      .post('/konto/totp/opsaet')
      .type('form')
      .send({ _csrf: csrfFrom(enrolPage.text), code: '000000' });
    assert.equal(wrong.status, 400);
    const right = await agent
      .post('/konto/totp/opsaet')
      .type('form')
      .send({ _csrf: csrfFrom(enrolPage.text), code: totpCode(secret) });
    assert.equal(right.status, 200);
    const codes = [...right.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]);
    assert.equal(codes.length, 10, 'ten recovery codes shown once');
    const stored = await UserModel.findById(user.id).lean();
    assert.ok(stored?.totp?.sealedSecret?.startsWith('v1.'), 'the secret is stored encrypted');
    assert.ok(!JSON.stringify(stored).includes(secret));
    assert.ok(!JSON.stringify(stored).includes(codes[0]), 'recovery codes are stored hashed');
    assert.equal((await agent.get('/konto')).status, 200);
  });

  it('when the first code is mistyped (too short, too long, letters), then the form says so; with a space it is accepted', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER });
    const agent = request.agent(buildTestApp());
    await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    const enrolPage = await agent.get('/konto/totp/opsaet');
    const secret = secretFromEnrolmentPage(enrolPage.text);
    for (const code of ['12345', '1234567', '12a456', '']) {
      const answer = await agent
        .post('/konto/totp/opsaet')
        .type('form')
        .send({ _csrf: csrfFrom(enrolPage.text), code });
      assert.equal(answer.status, 400, `"${code}" answered ${answer.status}`);
      assert.match(answer.text, code ? /Skriv de seks cifre, som appen viser/ : /id="code-error"/);
      assert.match(answer.text, /aria-invalid="true"/);
    }
    const spaced = totpCode(secret).replace(/^(\d{3})/, '$1 ');
    const right = await agent
      .post('/konto/totp/opsaet')
      .type('form')
      .send({ _csrf: csrfFrom(enrolPage.text), code: spaced });
    assert.equal(right.status, 200);
    assert.ok((await UserModel.findById(user.id).lean())?.totp?.sealedSecret);
  });

  it('when a user with TOTP logs in, then the code is asked for, and the same code cannot be used twice', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER, totp: true });
    const app = buildTestApp();
    const first = request.agent(app);
    const login = await submitForm(first, '/log-ind', '/log-ind', {
      email: user.email,
      password: user.password,
    });
    assert.equal(login.headers.location, '/log-ind/totp');
    const code = totpCode(user.totpSecret!);
    const ok = await submitForm(first, '/log-ind/totp', '/log-ind/totp', { code });
    assert.equal(ok.status, 303);
    assert.equal((await first.get('/konto')).status, 200);

    const second = request.agent(app);
    await submitForm(second, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    const replay = await submitForm(second, '/log-ind/totp', '/log-ind/totp', { code });
    assert.equal(replay.status, 401, 'a code is accepted once');
  });

  it('when a recovery code is used, then it works once', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER });
    const app = buildTestApp();
    const agent = request.agent(app);
    await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    const enrolPage = await agent.get('/konto/totp/opsaet');
    const shown = await agent
      .post('/konto/totp/opsaet')
      .type('form')
      .send({ _csrf: csrfFrom(enrolPage.text), code: totpCode(secretFromEnrolmentPage(enrolPage.text)) });
    const recovery = /<li><code>([a-z0-9-]+)<\/code><\/li>/.exec(shown.text)![1];

    const again = request.agent(app);
    await submitForm(again, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    assert.equal(
      (await submitForm(again, '/log-ind/totp', '/log-ind/totp', { code: recovery.toUpperCase() })).status,
      303,
    );
    const third = request.agent(app);
    await submitForm(third, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    assert.equal((await submitForm(third, '/log-ind/totp', '/log-ind/totp', { code: recovery })).status, 401);
  });

  it('when five wrong codes are given, then the login is thrown out', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER, totp: true });
    const agent = request.agent(buildTestApp());
    await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    let last;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      last = await submitForm(agent, '/log-ind/totp', '/log-ind/totp', { code: '123456' });
    }
    assert.equal(last!.status, 303);
    assert.equal(last!.headers.location, '/log-ind');
    assert.equal((await agent.get('/konto')).status, 303);
  });

  it('when demo mode is on, then staff may skip enrolment and the page says it is a demo', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER });
    const app = buildTestApp({ config: testConfig({ DEMO_MODE: 'true' }) });
    const agent = request.agent(app);
    await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    const page = await agent.get('/konto/totp/opsaet');
    assert.match(page.text, /class="demo-banner"/);
    const skipped = await agent
      .post('/konto/totp/spring-over')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    assert.equal(skipped.status, 303);
    assert.equal((await agent.get('/konto')).status, 200);
  });

  it('when demo mode is off, then the skip route does nothing', async () => {
    const user = await createUser({ roles: SOCIAL_WORKER });
    const agent = request.agent(buildTestApp());
    await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
    const page = await agent.get('/konto/totp/opsaet');
    const skipped = await agent
      .post('/konto/totp/spring-over')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    assert.equal(skipped.status, 404);
    assert.equal((await agent.get('/konto')).status, 303);
  });
});
