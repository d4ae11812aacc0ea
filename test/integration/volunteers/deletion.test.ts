import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { announceAccountDeleting } from '../../../src/components/accounts/account-events.js';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { MembershipModel } from '../../../src/components/organisations/membership-model.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import {
  createUser,
  csrfFrom,
  loginAs,
  submitForm,
  type Agent,
  type TestUser,
} from '../../helpers/accounts.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createProfile } from '../../helpers/volunteers.js';

const DELETE = '/frivillig/slet';

describe('a volunteer deletes their data', () => {
  useTestDatabase();
  let app: Express;
  let person: TestUser;
  let volunteer: Agent;
  let clubId: string;
  let otherClubId: string;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    clubId = await createOrganisation({ name: 'Pandrup Boldklub' });
    otherClubId = await createOrganisation({ name: 'Aabybro Svømmeklub' });
    person = await createUser({ name: 'Dorthe Dataminimal', email: 'dorthe@example.dk' });
    await createProfile(person.id);
    await addMember(clubId, person.id);
    await addMember(otherClubId, person.id, 'requested');
    volunteer = await loginAs(app, person);
  });

  it('when a volunteer opens the page, then it says plainly what is deleted and what is kept anonymised', async () => {
    const page = await volunteer.get(DELETE);
    assert.equal(page.status, 200);
    assert.match(page.text, /Det bliver slettet/);
    assert.match(page.text, /Det bliver gemt uden dit navn/);
    assert.match(page.text, /type="password"/);
  });

  it('when the password is wrong or missing, then nothing is deleted and the form says why', async () => {
    for (const password of ['forkert-adgangskode-1', '']) {
      const response = await submitForm(volunteer, DELETE, DELETE, { password });
      assert.equal(response.status, 400);
      assert.match(response.text, /adgangskode/i);
    }
    assert.equal((await UserModel.findById(person.id).lean())?.email, 'dorthe@example.dk');
    assert.equal(await VolunteerProfileModel.countDocuments({ userId: person.id }), 1);
    assert.equal(await AuditEventModel.countDocuments({ action: 'account.delete', outcome: 'failure' }), 1);
  });

  it('when the password is right, then the account is anonymised, memberships are left with history, the profile is gone and the person is logged out', async () => {
    const elsewhere = await loginAs(app, person);
    const response = await submitForm(volunteer, DELETE, DELETE, { password: person.password });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/');
    assert.match((await volunteer.get('/')).text, /Dine data er slettet/);

    const user = await UserModel.findById(person.id).lean();
    assert.equal(user?.name, 'Slettet bruger');
    assert.equal(user?.email, `deleted-${person.id}@deleted.invalid`);
    assert.equal(user?.status, 'disabled');
    assert.deepEqual(user?.roles, []);
    assert.equal(user?.phone, undefined);
    assert.equal(user?.totp?.sealedSecret, undefined);
    assert.equal(await VolunteerProfileModel.countDocuments({ userId: person.id }), 0);
    const memberships = await MembershipModel.find({ userId: person.id }).sort({ organisationId: 1 }).lean();
    assert.deepEqual(
      memberships.map((m) => m.status),
      ['left', 'left'],
    );
    for (const membership of memberships) assert.equal(membership.history.length, 2);
    assert.equal(await AuditEventModel.countDocuments({ action: 'account.deleted', objectId: person.id }), 1);
    const entry = await AuditEventModel.findOne({ action: 'account.deleted' }).lean();
    assert.doesNotMatch(JSON.stringify(entry), /dorthe|Dataminimal/i);

    for (const agent of [volunteer, elsewhere]) {
      assert.equal((await agent.get('/frivillig').redirects(0)).headers.location, '/log-ind');
    }
    const again = request.agent(app);
    const login = await submitForm(again, '/log-ind', '/log-ind', {
      email: 'dorthe@example.dk',
      password: person.password,
    });
    assert.notEqual(login.headers.location, '/konto');
    assert.equal((await again.get('/konto').redirects(0)).headers.location, '/log-ind');
  });

  it('when the coordinator looks at members afterwards, then the history names an anonymous person', async () => {
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    await submitForm(volunteer, DELETE, DELETE, { password: person.password });
    const page = await (await loginAs(app, coordinator)).get('/forening/medlemmer');
    assert.match(page.text, /Slettet bruger<\/td><td data-label="[^"]+">Udmeldt/);
    assert.doesNotMatch(page.text, /Dorthe|dorthe@example\.dk/);
  });

  it('when the deletion listeners run a second time, then nothing changes and nothing fails', async () => {
    await submitForm(volunteer, DELETE, DELETE, { password: person.password });
    const before = await MembershipModel.find({ userId: person.id }).sort({ organisationId: 1 }).lean();
    await announceAccountDeleting(person.id);
    await announceAccountDeleting(person.id);
    const after = await MembershipModel.find({ userId: person.id }).sort({ organisationId: 1 }).lean();
    assert.deepEqual(
      after.map((m) => m.history.length),
      before.map((m) => m.history.length),
    );
    assert.equal(await VolunteerProfileModel.countDocuments({ userId: person.id }), 0);
  });

  it('when the form carries another person or the request has no token, then nobody is deleted', async () => {
    const other = await createUser({});
    const token = csrfFrom((await volunteer.get(DELETE)).text);
    const tampered = await volunteer
      .post(DELETE)
      .type('form')
      .send({ _csrf: token, password: person.password, userId: other.id });
    assert.equal(tampered.status, 400);
    const noToken = await volunteer.post(DELETE).type('form').send({ password: person.password });
    assert.equal(noToken.status, 403);
    assert.equal(await UserModel.countDocuments({ status: 'disabled' }), 0);
  });
});
