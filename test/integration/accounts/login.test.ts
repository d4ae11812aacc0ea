import assert from 'node:assert/strict';
import request from 'supertest';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, submitForm } from '../../helpers/accounts.js';
import { latestMailTo } from '../../helpers/mail.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// What differs between two renderings of the same page regardless of outcome.
const stripVolatile = (html: string) =>
  html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/support: [0-9a-f-]+/g, '');

describe('login', () => {
  useTestDatabase();

  it('when the password is right, then the session id changes and the account page opens', async () => {
    const user = await createUser({});
    const agent = request.agent(buildTestApp());
    const page = await agent.get('/log-ind');
    const before = String(page.headers['set-cookie']).split(';')[0];
    const response = await agent
      .post('/log-ind')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: user.email, password: user.password });
    assert.equal(response.status, 303);
    const after = String(response.headers['set-cookie']).split(';')[0];
    assert.notEqual(after, before, 'a new session id after login (no fixation)');
    const account = await agent.get('/konto');
    assert.equal(account.status, 200);
    assert.equal(account.headers['cache-control'], 'no-store');
  });

  it('when the e-mail is unknown or the password wrong, then the answers are identical', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    const wrongPassword = await submitForm(request.agent(app), '/log-ind', '/log-ind', {
      email: user.email,
      password: 'not-the-password-at-all',
    });
    const unknownUser = await submitForm(request.agent(app), '/log-ind', '/log-ind', {
      email: 'nobody@example.dk',
      password: 'not-the-password-at-all',
    });
    assert.equal(wrongPassword.status, 401);
    assert.equal(unknownUser.status, 401);
    assert.equal(
      stripVolatile(wrongPassword.text).replace(user.email, 'X'),
      stripVolatile(unknownUser.text).replace('nobody@example.dk', 'X'),
    );
  });

  it('when five wrong passwords are tried, then the account is locked, the owner is told, and a right password waits', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await submitForm(request.agent(app), '/log-ind', '/log-ind', {
        email: user.email,
        password: `wrong-${attempt}-password`,
      });
    }
    const agent = request.agent(app);
    const locked = await submitForm(agent, '/log-ind', '/log-ind', {
      email: user.email,
      password: user.password,
    });
    assert.equal(locked.status, 429);
    assert.match(locked.text, /For mange forkerte forsøg/);
    assert.equal(
      (await agent.get('/konto')).headers.location,
      '/log-ind',
      'the right password did not log in',
    );
    assert.equal((await latestMailTo(user.email))?.template, 'account-locked');
    assert.equal(await AuditEventModel.countDocuments({ action: 'account.lockout', objectId: user.id }), 1);
  });

  it('when an unknown e-mail is tried five times, then it is "locked" the same way (no hint that it does not exist)', async () => {
    const app = buildTestApp();
    const user = await createUser({});
    const lockOut = async (email: string) => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await submitForm(request.agent(app), '/log-ind', '/log-ind', {
          email,
          password: `wrong-${attempt}-password`,
        });
      }
      return submitForm(request.agent(app), '/log-ind', '/log-ind', { email, password: 'anything-at-all' });
    };
    const ghost = await lockOut('ghost@example.dk');
    const real = await lockOut(user.email);
    assert.equal(ghost.status, 429);
    assert.equal(real.status, 429);
    assert.equal(
      stripVolatile(ghost.text).replace('ghost@example.dk', 'X'),
      stripVolatile(real.text).replace(user.email, 'X'),
      'the page for an unknown address is the page for a locked account',
    );
    assert.equal(
      await latestMailTo('ghost@example.dk'),
      undefined,
      'nobody is mailed for an unknown address',
    );
  });

  it('when logins succeed and fail, then the audit log records who, what, outcome and from where', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    await submitForm(request.agent(app), '/log-ind', '/log-ind', {
      email: user.email,
      password: 'wrong-password-here',
    });
    await loginAs(app, user);
    const events = await AuditEventModel.find({ action: 'login' }).sort({ at: 1 }).lean();
    assert.deepEqual(
      events.map((event) => event.outcome),
      ['failure', 'success'],
    );
    assert.equal(events[1].actorId, user.id);
    assert.ok(events[1].ip);
    assert.ok(!JSON.stringify(events).includes(user.password));
  });

  it('when the audit log is changed or deleted through the app, then that is refused', async () => {
    const user = await createUser({});
    await loginAs(buildTestApp(), user);
    await assert.rejects(
      AuditEventModel.updateOne({ action: 'login' }, { $set: { outcome: 'failure' } }),
      /append-only/,
    );
    await assert.rejects(AuditEventModel.deleteMany({}), /append-only/);
  });

  it('when a disabled account logs in with the right password, then it is refused', async () => {
    const user = await createUser({ status: 'disabled' });
    const response = await submitForm(request.agent(buildTestApp()), '/log-ind', '/log-ind', {
      email: user.email,
      password: user.password,
    });
    assert.equal(response.status, 401);
    assert.match(response.text, /Kontoen er lukket/);
  });
});

describe('sessions', () => {
  useTestDatabase();

  it('when logged out, then the old session cookie no longer opens anything, and the browser is told to clear data', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    const agent = request.agent(app);
    const login = await submitForm(agent, '/log-ind', '/log-ind', {
      email: user.email,
      password: user.password,
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    assert.equal(
      (await request(app).get('/konto').set('Cookie', cookie)).status,
      200,
      'the cookie works before logout',
    );

    const account = await agent.get('/konto');
    const logout = await agent
      .post('/log-ud')
      .type('form')
      .send({ _csrf: csrfFrom(account.text) });
    assert.equal(logout.status, 303);
    assert.match(logout.headers['clear-site-data'], /"cache"/);
    const replay = await request(app).get('/konto').set('Cookie', cookie);
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.location, '/log-ind');
  });

  it('when the password is changed, then other sessions end and this one continues', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    const laptop = await loginAs(app, user);
    const phone = await loginAs(app, user);
    const changed = await submitForm(laptop, '/konto', '/konto/adgangskode', {
      currentPassword: user.password,
      newPassword: 'ny-lang-kode-med-ord-77',
    });
    assert.equal(changed.status, 303);
    assert.equal((await laptop.get('/konto')).status, 200);
    const phoneAfter = await phone.get('/konto');
    assert.equal(phoneAfter.status, 303);
    assert.equal(phoneAfter.headers.location, '/log-ind');
    assert.equal((await latestMailTo(user.email))?.template, 'password-changed');
  });

  it('when the current password is wrong, then the password is not changed', async () => {
    const user = await createUser({});
    const agent = await loginAs(buildTestApp(), user);
    const response = await submitForm(agent, '/konto', '/konto/adgangskode', {
      currentPassword: 'not-my-password',
      newPassword: 'ny-lang-kode-med-ord-77',
    });
    assert.equal(response.status, 400);
    assert.match(response.text, /nuværende adgangskode er forkert/);
  });

  it('when "log out everywhere" is used, then every other session ends', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    const here = await loginAs(app, user);
    const elsewhere = await loginAs(app, user);
    const listed = await here.get('/konto');
    assert.equal((listed.text.match(/<tr><td data-label=/g) ?? []).length, 2, 'both sessions are listed');
    await here
      .post('/konto/log-ud-overalt')
      .type('form')
      .send({ _csrf: csrfFrom(listed.text) });
    assert.equal((await here.get('/konto')).status, 200);
    assert.equal((await elsewhere.get('/konto')).status, 303);
  });

  it('when a session is older than the absolute timeout, then it ends whatever its activity', async () => {
    const user = await createUser({});
    const config = {
      ...testConfig(),
      sessionAbsoluteMs: 1500,
    };
    const app = buildTestApp({ config });
    const agent = await loginAs(app, user);
    assert.equal((await agent.get('/konto')).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const expired = await agent.get('/konto');
    assert.equal(expired.status, 303);
    assert.equal(expired.headers.location, '/log-ind');
  });

  it('when logged in, then pages say when the idle timeout applies and offer to extend', async () => {
    const agent = await loginAs(buildTestApp(), await createUser({}));
    const page = await agent.get('/konto');
    assert.match(page.text, /efter 30 minutter uden aktivitet/);
    assert.match(page.text, /action="\/session\/forlaeng"/);
    const extended = await agent
      .post('/session/forlaeng')
      .set('Accept', 'application/json')
      .set('x-csrf-token', csrfFrom(page.text));
    assert.equal(extended.status, 200);
    assert.ok(new Date(extended.body.expiresAt).getTime() > Date.now() + 29 * 60_000);
  });
});

describe('CSRF', () => {
  useTestDatabase();

  it('when a form is posted without a token, then it is refused with 403', async () => {
    const response = await request(buildTestApp())
      .post('/log-ind')
      .type('form')
      .send({ email: 'a@example.dk', password: 'x' });
    assert.equal(response.status, 403);
    assert.match(response.text, /Formularen er udløbet/);
  });

  it('when a token from another session is used, then it is refused', async () => {
    const app = buildTestApp();
    const attackerPage = await request.agent(app).get('/log-ind');
    const victim = request.agent(app);
    await victim.get('/log-ind');
    const response = await victim
      .post('/log-ind')
      .type('form')
      .send({ _csrf: csrfFrom(attackerPage.text), email: 'a@example.dk', password: 'x' });
    assert.equal(response.status, 403);
  });

  it('when a token from before login is used after login, then it is refused', async () => {
    const user = await createUser({});
    const agent = request.agent(buildTestApp());
    const loginPage = await agent.get('/log-ind');
    const preLoginToken = csrfFrom(loginPage.text);
    await agent
      .post('/log-ind')
      .type('form')
      .send({ _csrf: preLoginToken, email: user.email, password: user.password });
    const response = await agent
      .post('/konto/profil')
      .type('form')
      .send({ _csrf: preLoginToken, name: 'New Name', language: 'da' });
    assert.equal(response.status, 403);
  });
});
