import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { MembershipModel } from '../../../src/components/organisations/membership-model.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const BROWSE = '/frivillig/foreninger';

async function post(agent: Agent, path: string) {
  const token = csrfFrom((await agent.get(BROWSE)).text);
  return agent.post(path).type('form').send({ _csrf: token });
}

describe('volunteers find organisations, join and leave', () => {
  useTestDatabase();
  let app: Express;
  let person: TestUser;
  let volunteer: Agent;
  let clubId: string;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    clubId = await createOrganisation({ name: 'Pandrup Boldklub' });
    person = await createUser({ name: 'Vera Frivillig' });
    volunteer = await loginAs(app, person);
  });

  it('when a volunteer browses, then approved organisations are listed and pending ones are not', async () => {
    await upsertOrganisation({
      name: 'Ventende Forening',
      kind: 'association',
      description: 'Venter på godkendelse.',
      postcode: '9490',
      municipalityCodes: ['0849'],
      status: 'pending',
    });
    const page = await volunteer.get(BROWSE);
    assert.equal(page.status, 200);
    assert.match(page.text, /Pandrup Boldklub/);
    assert.doesNotMatch(page.text, /Ventende Forening/);
  });

  it('when a volunteer filters by municipality and name, then only matching organisations are listed', async () => {
    await createOrganisation({ name: 'Københavns Skakklub', municipalityCode: '0101' });
    const inJammerbugt = await volunteer.get(`${BROWSE}?kommune=0849`);
    assert.match(inJammerbugt.text, /Pandrup Boldklub/);
    assert.doesNotMatch(inJammerbugt.text, /Københavns Skakklub/);
    const byName = await volunteer.get(`${BROWSE}?q=${encodeURIComponent('skak')}`);
    assert.match(byName.text, /Københavns Skakklub/);
    assert.doesNotMatch(byName.text, /Pandrup Boldklub/);
  });

  it('when the search holds regular-expression characters, then they are searched for as typed', async () => {
    await createOrganisation({ name: 'Klub (Nord) + Co.' });
    const literal = await volunteer.get(`${BROWSE}?q=${encodeURIComponent('(Nord) +')}`);
    assert.match(literal.text, /Klub \(Nord\) \+ Co\./);
    for (const pattern of ['.*', '^P', '[', '(?i)pandrup|x', '\\']) {
      const response = await volunteer.get(`${BROWSE}?q=${encodeURIComponent(pattern)}`);
      assert.equal(response.status, 200, pattern);
      assert.doesNotMatch(response.text, /Pandrup Boldklub<br>/, pattern);
    }
  });

  it('when the query string is tampered with, then the answer is a 400 and not a crash', async () => {
    for (const query of ['q[$ne]=x', 'kommune[$gt]=', 'sort=name', 'q=a&q=b']) {
      const response = await volunteer.get(`${BROWSE}?${query}`);
      assert.ok([200, 400].includes(response.status), `${query}: ${response.status}`);
      assert.doesNotMatch(response.text, /MongoServerError|CastError/);
    }
    assert.equal((await volunteer.get(`${BROWSE}?sort=name`)).status, 400);
  });

  it('when a volunteer asks to join, then the request is recorded, shown, and cannot be sent twice', async () => {
    assert.equal((await post(volunteer, `${BROWSE}/${clubId}/anmod`)).status, 303);
    const page = await volunteer.get(BROWSE);
    assert.match(page.text, /Din anmodning er sendt/);
    assert.match(page.text, /Anmodet/);
    assert.match(page.text, /Træk anmodningen tilbage/);
    await post(volunteer, `${BROWSE}/${clubId}/anmod`);
    assert.match((await volunteer.get(BROWSE)).text, /allerede bedt om det/);
    const membership = await MembershipModel.findOne({ organisationId: clubId, userId: person.id }).lean();
    assert.equal(membership?.history.length, 1);
    assert.match((await volunteer.get('/frivillig')).text, /Pandrup Boldklub: Anmodet/);
  });

  it('when a volunteer withdraws a request or leaves, then the membership is "left" with its history', async () => {
    await post(volunteer, `${BROWSE}/${clubId}/anmod`);
    assert.equal((await post(volunteer, `${BROWSE}/${clubId}/forlad`)).status, 303);
    const otherClub = await createOrganisation({ name: 'Aabybro Svømmeklub' });
    await addMember(otherClub, person.id);
    assert.equal((await post(volunteer, `${BROWSE}/${otherClub}/forlad`)).status, 303);
    assert.match((await volunteer.get(BROWSE)).text, /Du er meldt ud/);
    for (const organisationId of [clubId, otherClub]) {
      const membership = await MembershipModel.findOne({ organisationId, userId: person.id }).lean();
      assert.equal(membership?.status, 'left');
      assert.equal(membership?.history.at(-1)?.by, person.id);
    }
  });

  it('when a volunteer leaves an organisation they do not belong to, then they are told so and nothing is created', async () => {
    assert.equal((await post(volunteer, `${BROWSE}/${clubId}/forlad`)).status, 303);
    assert.match((await volunteer.get(BROWSE)).text, /Du er ikke medlem af foreningen/);
    assert.equal(await MembershipModel.countDocuments(), 0);
  });

  it('when the organisation is unknown, malformed or not approved anywhere, then joining is a 404 and no mail is sent', async () => {
    const pending = await upsertOrganisation({
      name: 'Ventende Forening',
      kind: 'association',
      description: 'Venter på godkendelse.',
      postcode: '9490',
      municipalityCodes: ['0849'],
      status: 'pending',
    });
    for (const id of [pending, '0'.repeat(24), 'not-an-id']) {
      assert.equal((await post(volunteer, `${BROWSE}/${id}/anmod`)).status, 404, id);
      assert.equal((await post(volunteer, `${BROWSE}/${id}/forlad`)).status, id === pending ? 303 : 404, id);
    }
    assert.equal(await MembershipModel.countDocuments(), 0);
    assert.equal(await OutboxMessageModel.countDocuments(), 0);
  });

  it('when the join form smuggles another person, then it is refused as tampered', async () => {
    const other = await createUser({});
    const token = csrfFrom((await volunteer.get(BROWSE)).text);
    const response = await volunteer
      .post(`${BROWSE}/${clubId}/anmod`)
      .type('form')
      .send({ _csrf: token, userId: other.id });
    assert.equal(response.status, 400);
    assert.equal(await MembershipModel.countDocuments(), 0);
  });
});
