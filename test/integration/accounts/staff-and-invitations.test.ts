import assert from 'node:assert/strict';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, submitForm, TEST_PASSWORD } from '../../helpers/accounts.js';
import { latestMailTo, pathOf } from '../../helpers/mail.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const admin = (municipalityCode: string) =>
  createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true });
const socialWorker = (municipalityCode: string, name?: string) =>
  createUser({ roles: [{ role: 'social-worker', municipalityCode }], totp: true, name });

describe('municipal staff administration', () => {
  useTestDatabase();

  it('when an administrator opens the staff page, then only the staff of their own municipality is listed', async () => {
    const adminA = await admin('0849');
    await socialWorker('0849', 'Ansat I Jammerbugt');
    await socialWorker('0101', 'Ansat I København');
    const page = await (await loginAs(buildTestApp(), adminA)).get('/kommune/medarbejdere');
    assert.equal(page.status, 200);
    assert.match(page.text, /Medarbejdere i Jammerbugt Kommune/);
    assert.match(page.text, /Ansat I Jammerbugt/);
    assert.doesNotMatch(page.text, /Ansat I København/);
  });

  it('when an administrator disables a social worker, then their sessions end at once and it is audited', async () => {
    const app = buildTestApp();
    const adminA = await admin('0849');
    const worker = await socialWorker('0849');
    const workerAgent = await loginAs(app, worker);
    assert.equal((await workerAgent.get('/konto')).status, 200);
    const adminAgent = await loginAs(app, adminA);
    const response = await submitForm(
      adminAgent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${worker.id}/deaktiver`,
      {},
    );
    assert.equal(response.status, 303);
    assert.equal((await workerAgent.get('/konto')).status, 303, 'the disabled person is logged out');
    const stored = await UserModel.findById(worker.id).lean();
    assert.equal(stored?.roles[0].active, false);
    assert.equal(
      await AuditEventModel.countDocuments({
        action: 'staff.disabled',
        objectId: worker.id,
        actorId: adminA.id,
      }),
      1,
    );
  });

  it('when an administrator changes a role, then the old role is gone, the sessions end, and the new role works after logging in again', async () => {
    const app = buildTestApp();
    const adminA = await admin('0849');
    const worker = await socialWorker('0849');
    const workerAgent = await loginAs(app, worker);
    assert.equal((await workerAgent.get('/konto')).status, 200);
    const adminAgent = await loginAs(app, adminA);
    const response = await submitForm(
      adminAgent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${worker.id}/rolle`,
      { role: 'municipal-admin' },
    );
    assert.equal(response.status, 303);
    const stored = await UserModel.findById(worker.id).lean();
    assert.deepEqual(
      stored?.roles.map((grant) => [grant.role, grant.municipalityCode, grant.active]),
      [['municipal-admin', '0849', true]],
      'the social-worker grant is replaced, not kept beside the new one',
    );
    assert.equal((await workerAgent.get('/konto')).headers.location, '/log-ind', 'the old session ended');
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'staff.role-changed', objectId: worker.id }),
      1,
    );
    const promoted = await loginAs(app, worker);
    assert.equal((await promoted.get('/kommune/medarbejdere')).status, 200);
    assert.equal(
      (await promoted.get('/sager')).status,
      404,
      'the social worker pages are gone with the role',
    );
  });

  it('when an administrator of another municipality changes someone, then the answer is 404 and nothing changes', async () => {
    const app = buildTestApp();
    const adminB = await admin('0101');
    const worker = await socialWorker('0849');
    const agent = await loginAs(app, adminB);
    for (const action of ['deaktiver', 'aktiver', 'rolle']) {
      const response = await submitForm(
        agent,
        '/kommune/medarbejdere',
        `/kommune/medarbejdere/${worker.id}/${action}`,
        action === 'rolle' ? { role: 'municipal-admin' } : {},
      );
      assert.equal(response.status, 404, action);
    }
    const stored = await UserModel.findById(worker.id).lean();
    assert.deepEqual([stored?.roles[0].role, stored?.roles[0].active], ['social-worker', true]);
  });

  it('when the last administrator would be demoted or an admin changes themselves, then it is refused', async () => {
    const app = buildTestApp();
    const adminA = await admin('0849');
    const agent = await loginAs(app, adminA);
    const self = await submitForm(
      agent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${adminA.id}/deaktiver`,
      {},
    );
    assert.equal(self.status, 303);
    assert.equal((await UserModel.findById(adminA.id).lean())?.roles[0].active, true);
  });

  it('when the role field is tampered with, then nothing but the two municipal roles can be given', async () => {
    const app = buildTestApp();
    const adminA = await admin('0849');
    const worker = await socialWorker('0849');
    const agent = await loginAs(app, adminA);
    const response = await submitForm(
      agent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${worker.id}/rolle`,
      { role: 'platform-admin' },
    );
    assert.equal(response.status, 400);
    assert.equal((await UserModel.findById(worker.id).lean())?.roles[0].role, 'social-worker');
  });

  it('when a social worker or volunteer asks for the staff page, then it does not exist for them (404)', async () => {
    const app = buildTestApp();
    for (const user of [await socialWorker('0849'), await createUser({})]) {
      assert.equal((await (await loginAs(app, user)).get('/kommune/medarbejdere')).status, 404);
    }
  });
});

describe('invitations', () => {
  useTestDatabase();

  it('when an administrator invites a new social worker, then the link creates the account with that role, and 2FA follows', async () => {
    const app = buildTestApp();
    const adminAgent = await loginAs(app, await admin('0849'));
    const invited = await submitForm(adminAgent, '/kommune/medarbejdere', '/kommune/medarbejdere/inviter', {
      email: 'ny.raadgiver@example.dk',
      role: 'social-worker',
    });
    assert.equal(invited.status, 303);
    const mail = await latestMailTo('ny.raadgiver@example.dk');
    assert.equal(mail?.template, 'invitation');
    assert.match(mail?.text ?? '', /som Socialrådgiver i Jammerbugt/);

    const newcomer = request.agent(app);
    const link = pathOf(mail!.link!);
    const page = await newcomer.get(link);
    assert.match(page.text, /Socialrådgiver/);
    const accepted = await newcomer
      .post(link)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), name: 'Nina Ny', password: TEST_PASSWORD });
    assert.equal(accepted.status, 303);
    assert.equal(accepted.headers.location, '/konto/totp/opsaet');
    const user = await UserModel.findOne({ email: 'ny.raadgiver@example.dk' }).lean();
    assert.deepEqual(
      user?.roles.map((grant) => [grant.role, grant.municipalityCode]),
      [['social-worker', '0849']],
    );

    const reused = await request.agent(app).get(link);
    assert.equal(reused.status, 410, 'the link works once');
  });

  it('when an invitation goes to an existing account, then that person must be logged in and gets the role added', async () => {
    const app = buildTestApp();
    const volunteer = await createUser({ totp: true });
    const adminAgent = await loginAs(app, await admin('0849'));
    await submitForm(adminAgent, '/kommune/medarbejdere', '/kommune/medarbejdere/inviter', {
      email: volunteer.email,
      role: 'social-worker',
    });
    const link = pathOf((await latestMailTo(volunteer.email))!.link!);

    const anonymous = await submitForm(request.agent(app), link, link, {});
    assert.equal(anonymous.headers.location, '/log-ind');

    const agent = await loginAs(app, volunteer);
    const accepted = await submitForm(agent, link, link, {});
    assert.equal(accepted.status, 303);
    const user = await UserModel.findById(volunteer.id).lean();
    assert.deepEqual(user?.roles.map((grant) => grant.role).sort(), ['social-worker', 'volunteer']);
  });

  it('when a social worker tries to invite, then it is a 404', async () => {
    const app = buildTestApp();
    const agent = await loginAs(app, await socialWorker('0849'));
    const response = await agent
      .post('/kommune/medarbejdere/inviter')
      .type('form')
      .send({
        _csrf: csrfFrom((await agent.get('/konto')).text),
        email: 'x@example.dk',
        role: 'municipal-admin',
      });
    assert.equal(response.status, 404);
  });
});

describe('password reset', () => {
  useTestDatabase();

  it('when a reset is asked for, then the answer does not reveal whether the account exists', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    const known = await submitForm(request.agent(app), '/glemt-adgangskode', '/glemt-adgangskode', {
      email: user.email,
    });
    const unknown = await submitForm(request.agent(app), '/glemt-adgangskode', '/glemt-adgangskode', {
      email: 'nobody@example.dk',
    });
    assert.equal(known.status, unknown.status);
    assert.equal(
      known.text.replace(user.email, 'X').replace(/support: [0-9a-f-]+/, ''),
      unknown.text.replace('nobody@example.dk', 'X').replace(/support: [0-9a-f-]+/, ''),
    );
    assert.equal(await latestMailTo('nobody@example.dk'), undefined);
  });

  it('when the reset link is used, then the new password works, old sessions end and a lockout is lifted', async () => {
    const user = await createUser({});
    const app = buildTestApp();
    const oldSession = await loginAs(app, user);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await submitForm(request.agent(app), '/log-ind', '/log-ind', {
        email: user.email,
        password: `wrong-${attempt}-password`,
      });
    }
    await submitForm(request.agent(app), '/glemt-adgangskode', '/glemt-adgangskode', { email: user.email });
    const link = pathOf((await latestMailTo(user.email))!.link!);
    const reset = await submitForm(request.agent(app), link, link, {
      password: 'helt-ny-kode-til-sommer-88',
    });
    assert.equal(reset.status, 303);
    assert.equal((await oldSession.get('/konto')).status, 303, 'old sessions ended');
    const login = await submitForm(request.agent(app), '/log-ind', '/log-ind', {
      email: user.email,
      password: 'helt-ny-kode-til-sommer-88',
    });
    assert.equal(login.status, 303, 'the lockout is lifted by the reset');
    const reused = await request.agent(app).get(link);
    assert.equal(reused.status, 410);
  });
});

describe('platform administration', () => {
  useTestDatabase();

  it('when a platform administrator onboards a municipality and invites its administrator, then the invitation names it', async () => {
    await importMunicipalities();
    const app = buildTestApp();
    const agent = await loginAs(app, await createUser({ roles: [{ role: 'platform-admin' }], totp: true }));
    const page = await agent.get('/platform/kommuner');
    assert.equal(page.status, 200);
    assert.match(page.text, /Aabenraa/);
    await agent
      .post('/platform/kommuner/0101/aktiver')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    const after = await agent.get('/platform/kommuner');
    await agent
      .post('/platform/kommuner/0101/inviter')
      .type('form')
      .send({ _csrf: csrfFrom(after.text), email: 'admin@kk.example.dk' });
    const mail = await latestMailTo('admin@kk.example.dk');
    assert.match(mail?.text ?? '', /i København/);
    assert.equal(
      (
        await agent
          .post('/platform/kommuner/9999/aktiver')
          .type('form')
          .send({ _csrf: csrfFrom(after.text) })
      ).status,
      404,
    );
  });

  it('when a municipal administrator asks for the platform page, then it is a 404', async () => {
    const agent = await loginAs(buildTestApp(), await admin('0849'));
    assert.equal((await agent.get('/platform/kommuner')).status, 404);
  });
});
