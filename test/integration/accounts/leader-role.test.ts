import assert from 'node:assert/strict';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, submitForm, type Agent } from '../../helpers/accounts.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const admin = (municipalityCode: string) =>
  createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true });
const leader = (municipalityCode: string) =>
  createUser({ roles: [{ role: 'leader', municipalityCode }], totp: true });

async function post(agent: Agent, path: string, fields: Record<string, string> = {}) {
  const token = csrfFrom((await agent.get('/konto')).text);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: token, ...fields });
}

describe('the read-only leader role', function () {
  this.timeout(30_000);
  useTestDatabase();
  before(importMunicipalities);

  it('when an administrator makes a social worker a leader and later disables the grant, then each change ends the sessions and is audited', async () => {
    const app = buildTestApp();
    const adminA = await admin('0849');
    const person = await createSocialWorker('0849', 'Lone Leder');
    const personAgent = await loginAs(app, person);
    assert.equal((await personAgent.get('/sager')).status, 200);
    const adminAgent = await loginAs(app, adminA);

    const staffPage = await adminAgent.get('/kommune/medarbejdere');
    assert.match(staffPage.text, /<option value="leader"[^>]*>Leder<\/option>/, 'the role is offered');
    const granted = await submitForm(
      adminAgent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${person.id}/rolle`,
      { role: 'leader' },
    );
    assert.equal(granted.status, 303);
    let stored = await UserModel.findById(person.id).lean();
    assert.deepEqual(
      stored?.roles.map((grant) => [grant.role, grant.municipalityCode, grant.active]),
      [['leader', '0849', true]],
    );
    assert.equal((await personAgent.get('/konto')).headers.location, '/log-ind', 'the old session ended');
    const audit = await AuditEventModel.findOne({ action: 'staff.role-changed', objectId: person.id }).lean();
    assert.equal(audit?.actorId, adminA.id);
    assert.deepEqual(audit?.details, { from: 'social-worker', role: 'leader' });

    const asLeader = await loginAs(app, person);
    assert.equal((await asLeader.get('/kommune/rapport')).status, 200);
    assert.equal((await asLeader.get('/sager')).status, 404, 'the caseload of a social worker is gone');
    assert.match((await adminAgent.get('/kommune/medarbejdere')).text, /Lone Leder[\s\S]*?Leder/);

    const revoked = await submitForm(
      adminAgent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${person.id}/deaktiver`,
      {},
    );
    assert.equal(revoked.status, 303);
    stored = await UserModel.findById(person.id).lean();
    assert.equal(stored?.roles[0].active, false);
    assert.equal((await asLeader.get('/konto')).headers.location, '/log-ind', 'the leader is logged out');
    assert.equal(
      await AuditEventModel.countDocuments({
        action: 'staff.disabled',
        objectId: person.id,
        actorId: adminA.id,
      }),
      1,
    );
    const again = await loginAs(app, person);
    assert.equal((await again.get('/kommune/rapport')).status, 404, 'without an active grant, no report');
  });

  it('when a social worker is also a leader, then the administrator disables the leader grant alone and cannot give a role twice', async () => {
    const app = buildTestApp();
    const adminAgent = await loginAs(app, await admin('0849'));
    const person = await createUser({
      name: 'Dobbelt Rolle',
      roles: [
        { role: 'social-worker', municipalityCode: '0849' },
        { role: 'leader', municipalityCode: '0849' },
      ],
      totp: true,
    });
    const page = await adminAgent.get('/kommune/medarbejdere');
    assert.equal(page.text.split('Dobbelt Rolle</td>').length - 1, 2, 'one row per grant');
    assert.match(page.text, /name="grant" value="leader"/);

    const twice = await submitForm(
      adminAgent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${person.id}/rolle`,
      {
        grant: 'leader',
        role: 'social-worker',
      },
    );
    assert.equal(twice.status, 303);
    let stored = await UserModel.findById(person.id).lean();
    assert.deepEqual(
      stored?.roles.map((grant) => [grant.role, grant.active]),
      [
        ['social-worker', true],
        ['leader', true],
      ],
      'nothing changed',
    );

    const revoked = await submitForm(
      adminAgent,
      '/kommune/medarbejdere',
      `/kommune/medarbejdere/${person.id}/deaktiver`,
      { grant: 'leader' },
    );
    assert.equal(revoked.status, 303);
    stored = await UserModel.findById(person.id).lean();
    assert.deepEqual(
      stored?.roles.map((grant) => [grant.role, grant.active]),
      [
        ['social-worker', true],
        ['leader', false],
      ],
    );
    const audit = await AuditEventModel.findOne({ action: 'staff.disabled', objectId: person.id }).lean();
    assert.deepEqual(audit?.details, { from: 'leader', active: false });
    const again = await loginAs(app, person);
    assert.equal((await again.get('/sager')).status, 200, 'still a social worker');
    assert.equal((await again.get('/kommune/rapport')).status, 404, 'no longer a leader');
  });

  it('when an administrator invites a leader, then the invitation carries the leader role', async () => {
    const app = buildTestApp();
    const adminAgent = await loginAs(app, await admin('0849'));
    const response = await submitForm(adminAgent, '/kommune/medarbejdere', '/kommune/medarbejdere/inviter', {
      email: 'ny.leder@example.dk',
      role: 'leader',
    });
    assert.equal(response.status, 303);
    const audit = await AuditEventModel.findOne({ action: 'invitation.sent' }).lean();
    assert.equal((audit?.details as { role?: string } | undefined)?.role, 'leader');
  });

  it('when a leader logs in, then a second factor is asked for, as for all municipal staff', async () => {
    const app = buildTestApp();
    const person = await createUser({ roles: [{ role: 'leader', municipalityCode: '0849' }] });
    const agent = (await import('supertest')).default.agent(app);
    const page = await agent.get('/log-ind');
    const response = await agent
      .post('/log-ind')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: person.email, password: person.password });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/konto/totp/opsaet');
  });

  it('when a leader asks for the goals, a case, or any change, then nothing is shown or changed', async () => {
    const app = buildTestApp();
    const worker = await createSocialWorker('0849');
    const organisationId = await createOrganisation();
    const requestId = await createRequest(worker.id);
    const matchId = await createMatch({ requestId, organisationId, volunteerId: 'v', proposedBy: worker.id });
    const agent = await loginAs(app, await leader('0849'));

    const report = await agent.get('/kommune/rapport');
    assert.equal(report.status, 200);
    assert.doesNotMatch(
      report.text,
      /href="\/kommune\/rapport\/maal/,
      'no link to a form the leader may not use',
    );
    assert.equal((await agent.get('/kommune/rapport/csv?tabel=months')).status, 200, 'the CSV export');
    for (const path of [
      '/kommune/rapport/maal',
      `/sager/${requestId}`,
      `/sager/${requestId}/kandidater`,
      `/opfoelgning/forloeb/${matchId}`,
      '/opfoelgning',
      '/kommune/medarbejdere',
      '/kommune/indstillinger',
    ]) {
      assert.equal((await agent.get(path).redirects(0)).status, 404, `GET ${path}`);
    }
    for (const path of [
      '/kommune/rapport/maal',
      `/sager/${requestId}/luk`,
      '/sager/ny',
      `/kommune/medarbejdere/${worker.id}/deaktiver`,
      '/kommune/medarbejdere/inviter',
    ]) {
      assert.equal((await post(agent, path, { year: '2026' })).status, 404, `POST ${path}`);
    }
    const stored = await UserModel.findById(worker.id).lean();
    assert.equal(stored?.roles[0].active, true);
    const adminReport = await (await loginAs(app, await admin('0849'))).get('/kommune/rapport');
    assert.match(
      adminReport.text,
      /href="\/kommune\/rapport\/maal/,
      'the administrator is offered the goals',
    );
  });

  it("when a leader of another municipality asks for this municipality's report, then it shows their own only", async () => {
    const app = buildTestApp();
    const agent = await loginAs(app, await leader('0101'));
    const page = await agent.get('/kommune/rapport');
    assert.equal(page.status, 200);
    assert.match(page.text, /København/);
    assert.doesNotMatch(page.text, /Jammerbugt/);
  });
});
