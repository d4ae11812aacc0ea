import assert from 'node:assert/strict';
import type { Express } from 'express';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { MembershipModel } from '../../../src/components/organisations/membership-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { latestMailTo, pathOf } from '../../helpers/mail.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const MEMBERS = '/forening/medlemmer';

async function act(agent: Agent, path: string, body = '') {
  const token = csrfFrom((await agent.get(MEMBERS)).text);
  return agent
    .post(path)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${token}${body}`);
}

async function flashAfter(agent: Agent): Promise<string> {
  return (await agent.get(MEMBERS)).text;
}

async function statusOf(organisationId: string, userId: string) {
  return (await MembershipModel.findOne({ organisationId, userId }).lean())?.status;
}

async function grantsOf(userId: string) {
  return ((await UserModel.findById(userId).lean())?.roles ?? []).map(
    (grant) => `${grant.role}:${grant.organisationId ?? ''}`,
  );
}

describe('coordinators manage their members', () => {
  useTestDatabase();
  let app: Express;
  let clubId: string;
  let karin: TestUser;
  let coordinator: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    clubId = await createOrganisation({ name: 'Fjerritslev Gymnastikforening' });
    karin = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: clubId }],
    });
    await addMember(clubId, karin.id);
    coordinator = await loginAs(app, karin);
  });

  async function volunteerWhoAsked(name = 'Nils Nyborg'): Promise<TestUser> {
    const person = await createUser({ name });
    await addMember(clubId, person.id, 'requested');
    return person;
  }

  it('when a volunteer asks to join through the browse page, then the coordinators get an e-mail and see the request', async () => {
    const person = await createUser({ name: 'Åse Ørsted' });
    const volunteer = await loginAs(app, person);
    const token = csrfFrom((await volunteer.get('/frivillig/foreninger')).text);
    const asked = await volunteer
      .post(`/frivillig/foreninger/${clubId}/anmod`)
      .type('form')
      .send({ _csrf: token });
    assert.equal(asked.status, 303);

    const mail = await latestMailTo(karin.email);
    assert.equal(mail?.template, 'join-request');
    assert.match(mail?.text ?? '', /Åse Ørsted vil gerne være medlem af Fjerritslev Gymnastikforening/);
    assert.equal(pathOf(mail!.link!), MEMBERS);
    const page = await coordinator.get(MEMBERS);
    assert.match(page.text, /Anmodninger om at blive medlem/);
    assert.match(page.text, new RegExp(`/forening/medlemmer/${person.id}/godkend`));
  });

  it('when a coordinator approves a request, then the person is an active member with who and when', async () => {
    const person = await volunteerWhoAsked();
    const response = await act(coordinator, `${MEMBERS}/${person.id}/godkend`);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, MEMBERS);
    assert.match(await flashAfter(coordinator), /Anmodningen er godkendt/);
    const membership = await MembershipModel.findOne({ organisationId: clubId, userId: person.id }).lean();
    assert.equal(membership?.status, 'active');
    assert.deepEqual(
      membership?.history.map((event) => [event.status, event.by]),
      [
        ['requested', person.id],
        ['active', karin.id],
      ],
    );
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'membership.approved', objectId: person.id }),
      1,
    );
  });

  it('when a coordinator declines a request, then it shows among earlier members with who declined it', async () => {
    const person = await volunteerWhoAsked('Bo Berg');
    assert.equal((await act(coordinator, `${MEMBERS}/${person.id}/afvis`)).status, 303);
    assert.equal(await statusOf(clubId, person.id), 'declined');
    const page = await flashAfter(coordinator);
    assert.match(page, /Tidligere medlemmer/);
    assert.match(
      page,
      /Bo Berg<\/td><td data-label="[^"]+">Afvist<\/td><td data-label="[^"]+">[^<]+<\/td><td data-label="[^"]+">Karin Koordinator<\/td>/,
    );
  });

  it('when a coordinator removes a member who is also coordinator, then the membership is removed and their role and sessions end', async () => {
    const other = await createUser({
      name: 'Ole Medkoordinator',
      roles: [{ role: 'coordinator', organisationId: clubId }, { role: 'volunteer' }],
    });
    await addMember(clubId, other.id);
    const otherSession = await loginAs(app, other);
    assert.equal((await otherSession.get(MEMBERS)).status, 200);

    assert.equal((await act(coordinator, `${MEMBERS}/${other.id}/fjern`)).status, 303);
    assert.equal(await statusOf(clubId, other.id), 'removed');
    assert.deepEqual(await grantsOf(other.id), ['volunteer:']);
    const after = await otherSession.get(MEMBERS).redirects(0);
    assert.equal(after.status, 303);
    assert.equal(after.headers.location, '/log-ind');
    assert.equal(await AuditEventModel.countDocuments({ action: 'role.revoked', objectId: other.id }), 1);
  });

  it('when a coordinator shares the role with a member, then both are coordinators', async () => {
    const member = await createUser({ name: 'Mette Medlem' });
    await addMember(clubId, member.id);
    assert.equal((await act(coordinator, `${MEMBERS}/${member.id}/gor-til-koordinator`)).status, 303);
    assert.deepEqual((await grantsOf(member.id)).sort(), [`coordinator:${clubId}`, 'volunteer:']);
    assert.deepEqual(await grantsOf(karin.id), [`coordinator:${clubId}`]);
    assert.match(await flashAfter(coordinator), /Personen er nu også koordinator/);
    // Twice is not an error, only a message.
    await act(coordinator, `${MEMBERS}/${member.id}/gor-til-koordinator`);
    assert.match(await flashAfter(coordinator), /allerede koordinator/);
  });

  it('when a coordinator hands over the role, then the member is coordinator, the hander-over is a plain member and their other sessions end', async () => {
    const member = await createUser({ name: 'Mette Medlem' });
    await addMember(clubId, member.id);
    const karinElsewhere = await loginAs(app, karin);

    const response = await act(coordinator, `${MEMBERS}/${member.id}/overdrag`);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/konto');
    assert.deepEqual(await grantsOf(karin.id), []);
    assert.ok((await grantsOf(member.id)).includes(`coordinator:${clubId}`));
    assert.equal(await statusOf(clubId, karin.id), 'active');
    // This session goes on (without the role); the other one has ended.
    assert.match((await coordinator.get('/konto')).text, /Du har overdraget koordinatorrollen/);
    assert.equal((await coordinator.get(MEMBERS)).status, 404);
    assert.equal((await karinElsewhere.get('/konto').redirects(0)).headers.location, '/log-ind');
  });

  it('when a coordinator tries to hand over to or remove themselves, then nothing changes and they are told why', async () => {
    for (const action of ['overdrag', 'fjern']) {
      assert.equal((await act(coordinator, `${MEMBERS}/${karin.id}/${action}`)).status, 303);
      assert.match(await flashAfter(coordinator), /Det kan du ikke gøre med dig selv/);
    }
    assert.deepEqual(await grantsOf(karin.id), [`coordinator:${clubId}`]);
    assert.equal(await statusOf(clubId, karin.id), 'active');
  });

  it('when the only coordinator leaves the organisation as a volunteer, then it is refused until they hand over', async () => {
    const solo = await createUser({
      roles: [{ role: 'volunteer' }, { role: 'coordinator', organisationId: clubId }],
    });
    await UserModel.updateOne({ _id: karin.id }, { $set: { roles: [] } });
    await addMember(clubId, solo.id);
    const agent = await loginAs(app, solo);
    const token = csrfFrom((await agent.get('/frivillig/foreninger')).text);
    const response = await agent
      .post(`/frivillig/foreninger/${clubId}/forlad`)
      .type('form')
      .send({ _csrf: token });
    assert.equal(response.status, 303);
    assert.match((await agent.get('/frivillig/foreninger')).text, /eneste koordinator/);
    assert.equal(await statusOf(clubId, solo.id), 'active');
    assert.ok((await grantsOf(solo.id)).includes(`coordinator:${clubId}`));
  });

  it('when the person belongs to another organisation, is unknown or is malformed, then every action is a 404', async () => {
    const otherClub = await createOrganisation({ name: 'Anden Forening' });
    const stranger = await createUser({});
    await addMember(otherClub, stranger.id, 'requested');
    const outsider = await createUser({});
    for (const id of [stranger.id, outsider.id, 'not-an-id', '0'.repeat(24)]) {
      for (const action of ['godkend', 'afvis', 'fjern', 'gor-til-koordinator', 'overdrag']) {
        assert.equal((await act(coordinator, `${MEMBERS}/${id}/${action}`)).status, 404, `${action} ${id}`);
      }
    }
    assert.equal(await statusOf(otherClub, stranger.id), 'requested');
    assert.deepEqual(await grantsOf(stranger.id), ['volunteer:']);
    assert.doesNotMatch((await coordinator.get(MEMBERS)).text, new RegExp(stranger.id));
  });

  it('when a volunteer or an administrator posts a member action, then it does not exist for them', async () => {
    const person = await volunteerWhoAsked();
    const volunteer = await loginAs(
      app,
      await createUser({ roles: [{ role: 'volunteer', organisationId: clubId }] }),
    );
    const token = csrfFrom((await volunteer.get('/konto')).text);
    const response = await volunteer
      .post(`${MEMBERS}/${person.id}/godkend`)
      .type('form')
      .send({ _csrf: token });
    assert.equal(response.status, 404);
    assert.equal(await statusOf(clubId, person.id), 'requested');
  });

  it('when the form smuggles another organisation, then it is refused as tampered', async () => {
    const person = await volunteerWhoAsked();
    const response = await act(coordinator, `${MEMBERS}/${person.id}/godkend`, `&organisationId=${clubId}`);
    assert.equal(response.status, 400);
    assert.equal(await statusOf(clubId, person.id), 'requested');
  });
});
