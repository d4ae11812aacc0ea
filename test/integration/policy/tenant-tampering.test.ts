import assert from 'node:assert/strict';
import type { Express } from 'express';
import { OneTimeTokenModel } from '../../../src/components/accounts/one-time-token-model.js';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/** Posts a form the way a tampering client would: any fields, with a valid token of the session. */
async function post(agent: Agent, path: string, fields: string, tokenPage = '/konto') {
  const token = csrfFrom((await agent.get(tokenPage)).text);
  return agent
    .post(path)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${token}&${fields}`);
}

async function grantsOf(user: TestUser) {
  const stored = await UserModel.findById(user.id).lean();
  return {
    status: stored?.status,
    roles: stored?.roles.map((g) => `${g.role}:${g.municipalityCode ?? ''}:${g.active}`),
  };
}

// Jammerbugt (0849) is tenant A, København (0101) tenant B.
describe('cross-tenant and cross-user tampering', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let workerA: TestUser;
  let adminB: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    workerA = await createUser({
      name: 'Asta fra A',
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
    });
    await createUser({ name: 'Admin fra A', roles: [{ role: 'municipal-admin', municipalityCode: '0849' }] });
    adminB = await loginAs(
      app,
      await createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0101' }], totp: true }),
    );
  });

  it('when the id of another tenant’s person is in the path, then every staff action is a 404 and nothing changes', async () => {
    const before = await grantsOf(workerA);
    for (const [action, fields] of [
      ['rolle', 'role=municipal-admin'],
      ['deaktiver', ''],
      ['aktiver', ''],
    ]) {
      const response = await post(
        adminB,
        `/kommune/medarbejdere/${workerA.id}/${action}`,
        fields,
        '/kommune/medarbejdere',
      );
      assert.equal(response.status, 404, action);
      assert.ok(!response.text.includes('Asta fra A'), 'a 404 names nobody');
    }
    assert.deepEqual(await grantsOf(workerA), before);
  });

  it('when a malformed or unknown id is in the path, then it is the same 404', async () => {
    for (const id of ['not-an-id', '000000000000000000000000', `${workerA.id}x`]) {
      const response = await post(
        adminB,
        `/kommune/medarbejdere/${id}/deaktiver`,
        '',
        '/kommune/medarbejdere',
      );
      assert.equal(response.status, 404, id);
    }
  });

  it('when the query names another tenant, then the staff list still shows only the own tenant', async () => {
    for (const query of ['?municipalityCode=0849', '?kommune=0849', '?municipalityCode[$ne]=0101']) {
      const response = await adminB.get(`/kommune/medarbejdere${query}`);
      assert.ok(response.status < 500, query);
      assert.ok(!response.text.includes('Asta fra A'), `${query} leaked another tenant`);
      assert.ok(!response.text.includes('Admin fra A'), `${query} leaked another tenant`);
    }
  });

  it('when an invitation form carries a hidden tenant or a higher role, then it is refused and no invitation exists', async () => {
    for (const fields of [
      'email=ny@example.dk&role=social-worker&municipalityCode=0849',
      'email=ny@example.dk&role=platform-admin',
      'email=ny@example.dk&role=social-worker&invitedBy=someone',
    ]) {
      const response = await post(adminB, '/kommune/medarbejdere/inviter', fields, '/kommune/medarbejdere');
      assert.equal(response.status, 400, fields);
    }
    assert.equal(await OneTimeTokenModel.countDocuments({ purpose: 'invitation' }), 0);

    const fair = await post(
      adminB,
      '/kommune/medarbejdere/inviter',
      'email=ny@example.dk&role=social-worker',
      '/kommune/medarbejdere',
    );
    assert.equal(fair.status, 303);
    const invitation = await OneTimeTokenModel.findOne({ purpose: 'invitation' }).lean();
    assert.equal(
      invitation?.invitation?.municipalityCode,
      '0101',
      'the tenant comes from the session, never the form',
    );
  });

  it('when a profile form carries roles, status or e-mail, then it is refused and the account is unchanged', async () => {
    const volunteer = await createUser({ email: 'vera@example.dk' });
    const agent = await loginAs(app, volunteer);
    const before = await grantsOf(volunteer);
    for (const extra of [
      'roles=platform-admin',
      'status=active',
      'email=other@example.dk',
      'sessionEpoch=x',
      '_id=1',
    ]) {
      const response = await post(agent, '/konto/profil', `name=Vera&language=da&${extra}`);
      assert.equal(response.status, 400, extra);
    }
    assert.deepEqual(await grantsOf(volunteer), before);
    assert.equal((await UserModel.findById(volunteer.id).lean())?.email, 'vera@example.dk');
  });

  it('when the role switcher is sent an index the person does not hold, then the role does not change', async () => {
    const volunteer = await createUser({});
    const agent = await loginAs(app, volunteer);
    for (const grant of ['5', '-1', '1e3', 'platform-admin']) {
      const response = await post(agent, '/konto/rolle', `grant=${grant}`);
      assert.ok(response.status === 400 || response.status === 303, `${grant}: ${response.status}`);
    }
    assert.equal((await agent.get('/platform/kommuner')).status, 404);
    assert.equal((await agent.get('/kommune/medarbejdere')).status, 404);
    assert.match((await agent.get('/konto')).text, /Frivillig/);
  });

  it('when a municipal administrator aims at the platform routes or another tenant’s code, then it is a 404', async () => {
    const adminA = await loginAs(
      app,
      await createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0849' }], totp: true }),
    );
    for (const path of ['/platform/kommuner/0101/inviter', '/platform/kommuner/0101/aktiver']) {
      const response = await post(adminA, path, 'email=x@example.dk');
      assert.equal(response.status, 404, path);
    }
    assert.equal(await OneTimeTokenModel.countDocuments({ purpose: 'invitation' }), 0);
  });
});
