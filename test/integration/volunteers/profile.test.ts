import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createProfile, profileFields } from '../../helpers/volunteers.js';

const PROFILE = '/frivillig/profil';

async function postProfile(agent: Agent, fields: string, language = 'da') {
  const token = csrfFrom((await agent.get(PROFILE)).text);
  return agent
    .post(PROFILE)
    .set('Accept-Language', language)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${token}&${fields}`);
}

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function postAction(agent: Agent, path: string) {
  const token = csrfFrom((await agent.get('/frivillig')).text);
  return agent.post(path).type('form').send({ _csrf: token });
}

describe('the volunteer profile', () => {
  useTestDatabase();
  let app: Express;
  let sofie: TestUser;
  let volunteer: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    sofie = await createUser({ name: 'Sofie Sørensen' });
    volunteer = await loginAs(app, sofie);
  });

  it('when a volunteer without a profile opens their page, then it asks them to fill it in and links to vetting and deletion', async () => {
    const page = await volunteer.get('/frivillig');
    assert.equal(page.status, 200);
    assert.match(page.text, /Udfyld din profil/);
    for (const link of [
      '/frivillig/profil',
      '/frivillig/godkendelse',
      '/frivillig/foreninger',
      '/frivillig/slet',
    ]) {
      assert.ok(page.text.includes(`href="${link}"`), link);
    }
  });

  it('when a volunteer saves a valid profile, then it is stored with the place derived from the postcode and shown', async () => {
    const response = await postProfile(volunteer, `${encode(profileFields())}&languages=da&languages=ar`);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/frivillig');
    const stored = await VolunteerProfileModel.findOne({ userId: sofie.id }).lean();
    assert.equal(stored?.municipalityCode, '0849');
    assert.ok(Math.abs((stored?.lat ?? 0) - 57.2) < 0.1);
    assert.equal(stored?.status, 'active');
    assert.equal(stored?.maxChildren, 1);
    assert.deepEqual(stored?.languages, ['da', 'ar']);
    assert.deepEqual(
      stored?.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
      [{ weekday: 2, from: '16:00', to: '18:00' }],
    );
    const page = await volunteer.get('/frivillig');
    assert.match(page.text, /Din profil er gemt/);
    assert.match(page.text, /fodbold, lektiehjælp/);
    assert.match(page.text, /9490 Pandrup \(Jammerbugt\)/);
    assert.match(page.text, /Tirsdag 16:00–18:00/);
  });

  it('when a saved profile is edited, then the form shows what is stored and the change replaces it', async () => {
    await postProfile(volunteer, encode(profileFields()));
    const form = await volunteer.get(PROFILE);
    assert.match(form.text, /value="fodbold, lektiehjælp"/);
    assert.match(form.text, /<option value="2" selected>Tirsdag<\/option>/);
    assert.equal(
      (await postProfile(volunteer, encode(profileFields({ postcode: '9440', maxChildren: '2' })))).status,
      303,
    );
    const stored = await VolunteerProfileModel.find({ userId: sofie.id }).lean();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.postcode, '9440');
    assert.equal(stored[0]?.maxChildren, 2);
  });

  it('when the form has mistakes, then it comes back with Danish field messages and what was typed', async () => {
    const response = await postProfile(
      volunteer,
      `${encode(profileFields({ postcode: '0000', maxChildren: '7', from1: '18:00', to1: '16:00', presentation: 'Hej <b>dér</b>' }))}&languages=de`,
    );
    assert.equal(response.status, 400);
    assert.match(response.text, /Der er et problem/);
    assert.match(response.text, /Skriv et dansk postnummer, fx 9490/);
    assert.match(response.text, /Vælg 1, 2 eller 3/);
    assert.match(response.text, /Vælg en ugedag og et tidsrum/);
    assert.match(response.text, /value="0000"/);
    assert.match(response.text, /Hej &lt;b&gt;dér&lt;\/b&gt;<\/textarea>/);
    assert.match(response.text, /id="language-de" name="languages" value="de" checked/);
    assert.equal(await VolunteerProfileModel.countDocuments(), 0);
  });

  it('when the form has mistakes in English, then the messages are English', async () => {
    const response = await postProfile(volunteer, encode(profileFields({ frequency: 'daily' })), 'en');
    assert.equal(response.status, 400);
    assert.match(response.text, /Choose how often you have time/);
  });

  it('when Danish letters arrive decomposed (NFD), then they are stored composed (NFC) and tags do not double', async () => {
    const nfd = (text: string) => text.normalize('NFD');
    const fields = profileFields({
      interests: `${nfd('håndbold')}, håndbold`,
      presentation: nfd('Jeg bor på Åbjergvej'),
    });
    assert.equal((await postProfile(volunteer, encode(fields))).status, 303);
    const stored = await VolunteerProfileModel.findOne({ userId: sofie.id }).lean();
    assert.deepEqual(stored?.interests, ['håndbold']);
    assert.equal(stored?.presentation, 'Jeg bor på Åbjergvej');
    assert.equal(stored?.presentation, stored?.presentation.normalize('NFC'));
  });

  it('when the form carries an owner, status, municipality or coordinates, then it is refused and nothing is stored', async () => {
    const other = await createUser({});
    for (const extra of [
      `userId=${other.id}`,
      'status=paused',
      'municipalityCode=0101',
      'lat=1',
      'pausedAt=2020-01-01',
    ]) {
      const response = await postProfile(volunteer, `${encode(profileFields())}&${extra}`);
      assert.equal(response.status, 400, extra);
    }
    assert.equal(await VolunteerProfileModel.countDocuments(), 0);
  });

  it('when a volunteer pauses and resumes, then the status and pause time follow', async () => {
    await createProfile(sofie.id);
    assert.equal((await postAction(volunteer, '/frivillig/pause')).status, 303);
    let stored = await VolunteerProfileModel.findOne({ userId: sofie.id }).lean();
    assert.equal(stored?.status, 'paused');
    assert.ok(stored?.pausedAt instanceof Date);
    const page = await volunteer.get('/frivillig');
    assert.match(page.text, /Du er sat på pause/);
    assert.match(page.text, /action="\/frivillig\/genoptag"/);

    assert.equal((await postAction(volunteer, '/frivillig/genoptag')).status, 303);
    stored = await VolunteerProfileModel.findOne({ userId: sofie.id }).lean();
    assert.equal(stored?.status, 'active');
    assert.equal(stored?.pausedAt, undefined);
  });

  it('when a volunteer without a profile pauses, then they are asked to fill it in first', async () => {
    assert.equal((await postAction(volunteer, '/frivillig/pause')).status, 303);
    assert.match((await volunteer.get('/frivillig')).text, /Udfyld din profil først/);
    assert.equal(await VolunteerProfileModel.countDocuments(), 0);
  });

  it('when someone else pauses, then only their own profile changes', async () => {
    const other = await createUser({});
    await createProfile(other.id);
    await createProfile(sofie.id);
    await postAction(volunteer, '/frivillig/pause');
    assert.equal((await VolunteerProfileModel.findOne({ userId: other.id }).lean())?.status, 'active');
  });

  it('when a coordinator or social worker asks for the volunteer pages, then they do not exist; anonymous visitors are sent to log in', async () => {
    const clubId = await createOrganisation();
    const coordinator = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] }),
    );
    const worker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true }),
    );
    for (const agent of [coordinator, worker]) {
      for (const path of ['/frivillig', PROFILE, '/frivillig/foreninger', '/frivillig/slet']) {
        assert.equal((await agent.get(path)).status, 404, path);
      }
    }
    const anonymous = await request(app).get('/frivillig').redirects(0);
    assert.equal(anonymous.headers.location, '/log-ind');
  });
});
