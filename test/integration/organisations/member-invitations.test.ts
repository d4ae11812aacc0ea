import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { OneTimeTokenModel } from '../../../src/components/accounts/one-time-token-model.js';
import { createUser, csrfFrom, loginAs, TEST_PASSWORD, type Agent } from '../../helpers/accounts.js';
import { latestMailTo, pathOf } from '../../helpers/mail.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

async function inviteMember(agent: Agent, fields: string) {
  const page = await agent.get('/forening/medlemmer');
  return agent
    .post('/forening/medlemmer/inviter')
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${csrfFrom(page.text)}&${fields}`);
}

describe('coordinators invite members', () => {
  useTestDatabase();
  let app: Express;
  let clubId: string;
  let coordinator: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    clubId = await createOrganisation({ name: 'Fjerritslev Gymnastikforening' });
    coordinator = await loginAs(
      app,
      await createUser({
        name: 'Karin Koordinator',
        roles: [{ role: 'coordinator', organisationId: clubId }],
      }),
    );
  });

  it('when a coordinator invites a volunteer, then the link creates an account that is a member of that club', async () => {
    const page = await coordinator.get('/forening/medlemmer');
    assert.match(page.text, /Medlemmer af Fjerritslev Gymnastikforening/);
    const sent = await inviteMember(coordinator, 'email=ny.frivillig@example.dk&role=volunteer');
    assert.equal(sent.status, 303);

    const mail = await latestMailTo('ny.frivillig@example.dk');
    assert.equal(mail?.template, 'invitation');
    assert.match(
      mail?.text ?? '',
      /Karin Koordinator har inviteret dig til Brobygning som Frivillig i Fjerritslev Gymnastikforening/,
    );

    const newcomer = request.agent(app);
    const link = pathOf(mail!.link!);
    const form = await newcomer.get(link);
    const accepted = await newcomer
      .post(link)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), name: 'Nils Ny', password: TEST_PASSWORD });
    assert.equal(accepted.status, 303);
    const user = await UserModel.findOne({ email: 'ny.frivillig@example.dk' }).lean();
    assert.deepEqual(
      user?.roles.map((grant) => [grant.role, grant.organisationId]),
      [['volunteer', clubId]],
    );
  });

  it('when the form names another organisation or a staff role, then it is refused and nothing is sent', async () => {
    const otherClub = await createOrganisation({ name: 'Anden Forening' });
    for (const fields of [
      `email=x@example.dk&role=volunteer&organisationId=${otherClub}`,
      'email=x@example.dk&role=social-worker',
      'email=x@example.dk&role=municipal-admin',
      'email=ikke-en-adresse&role=volunteer',
    ]) {
      const response = await inviteMember(coordinator, fields);
      assert.equal(response.status, 400, fields);
    }
    assert.equal(await OneTimeTokenModel.countDocuments({ purpose: 'invitation' }), 0);
    assert.equal(await latestMailTo('x@example.dk'), undefined);
  });

  it('when the e-mail is wrong, then the form says so and keeps what was typed', async () => {
    const response = await inviteMember(coordinator, 'email=ikke-en-adresse&role=coordinator');
    assert.equal(response.status, 400);
    assert.match(response.text, /Skriv en e-mailadresse som navn@eksempel.dk/);
    assert.match(response.text, /value="ikke-en-adresse"/);
    assert.match(response.text, /<option value="coordinator" selected>/);
  });

  it('when someone who is not a coordinator asks for the members page, then it does not exist for them', async () => {
    const volunteer = await loginAs(
      app,
      await createUser({ roles: [{ role: 'volunteer', organisationId: clubId }] }),
    );
    assert.equal((await volunteer.get('/forening/medlemmer')).status, 404);
    const admin = await loginAs(
      app,
      await createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0849' }], totp: true }),
    );
    assert.equal((await admin.get('/forening/medlemmer')).status, 404);
  });
});
