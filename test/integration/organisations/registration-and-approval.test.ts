import assert from 'node:assert/strict';
import type { Express } from 'express';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { findOrganisation } from '../../../src/components/organisations/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, type Agent } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

async function postForm(agent: Agent, pagePath: string, postPath: string, body: string) {
  const page = await agent.get(pagePath);
  return agent
    .post(postPath)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${csrfFrom(page.text)}&${body}`);
}

const club =
  'name=Nordstrand+Gymnastik&kind=association&description=Gymnastik+for+b%C3%B8rn+og+unge+hver+tirsdag' +
  '&postcode=9490&municipalityCodes=0849&municipalityCodes=0101&cvr=10000009&contactEmail=&contactPhone=';

describe('organisations: registration and approval', () => {
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    await onboardMunicipality('0101');
    app = buildTestApp();
  });

  const adminOf = async (municipalityCode: string) =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  async function registerClub(): Promise<{ organisationId: string; volunteerId: string }> {
    const volunteer = await createUser({});
    const agent = await loginAs(app, volunteer);
    const response = await postForm(agent, '/forening/ny', '/forening/ny', club);
    assert.equal(response.status, 303);
    const user = await UserModel.findById(volunteer.id).lean();
    const grant = user?.roles.find((r) => r.role === 'coordinator');
    assert.ok(grant?.organisationId, 'the person who registers becomes coordinator');
    return { organisationId: grant.organisationId, volunteerId: volunteer.id };
  }

  it('when a person registers an organisation, then it waits for every municipality it works in', async () => {
    const { organisationId } = await registerClub();
    const organisation = await findOrganisation(organisationId);
    assert.equal(organisation?.status, 'pending');
    assert.deepEqual(organisation?.activeIn, []);
    assert.deepEqual(
      organisation?.approvals.map((a) => [a.municipalityCode, a.decision]),
      [
        ['0849', 'pending'],
        ['0101', 'pending'],
      ],
    );
    assert.equal(organisation?.cvr, '10000009');
    assert.ok(await AuditEventModel.findOne({ action: 'organisation.registered', objectId: organisationId }));
  });

  it('when the form is wrong, then each field says what is wrong and what was typed stays', async () => {
    const agent = await loginAs(app, await createUser({}));
    const response = await postForm(
      agent,
      '/forening/ny',
      '/forening/ny',
      'name=K&description=kort&postcode=0000&cvr=12345678&municipalityCodes=0849&contactEmail=ikke-mail',
    );
    assert.equal(response.status, 400);
    for (const field of ['name', 'kind', 'description', 'postcode', 'cvr', 'contactEmail']) {
      assert.match(response.text, new RegExp(`id="${field}-error"`), field);
    }
    assert.match(response.text, /Skriv et gyldigt CVR-nummer/);
    assert.match(response.text, /id="municipality-0849" name="municipalityCodes" value="0849" checked/);
    assert.match(response.text, />kort<\/textarea>/);
  });

  it('when a municipality that does not use Brobygning is chosen, then it is refused', async () => {
    const agent = await loginAs(app, await createUser({}));
    const response = await postForm(
      agent,
      '/forening/ny',
      '/forening/ny',
      club.replace('municipalityCodes=0101', 'municipalityCodes=0851'),
    );
    assert.equal(response.status, 400);
    assert.match(response.text, /id="municipalityCodes-error"/);
  });

  it('when one municipality approves, then the organisation is active there only; the other decides for itself', async () => {
    const { organisationId } = await registerClub();
    const adminA = await adminOf('0849');
    const list = await adminA.get('/kommune/foreninger');
    assert.match(list.text, /Nordstrand Gymnastik/);
    assert.match(list.text, /Afventer/);

    const approved = await postForm(
      adminA,
      '/kommune/foreninger',
      `/kommune/foreninger/${organisationId}/godkend`,
      '',
    );
    assert.equal(approved.status, 303);
    let organisation = await findOrganisation(organisationId);
    assert.equal(organisation?.status, 'approved');
    assert.deepEqual(organisation?.activeIn, ['0849']);

    const adminB = await adminOf('0101');
    const rejected = await postForm(
      adminB,
      '/kommune/foreninger',
      `/kommune/foreninger/${organisationId}/afvis`,
      'reason=Arbejder+ikke+i+kommunen',
    );
    assert.equal(rejected.status, 303);
    organisation = await findOrganisation(organisationId);
    assert.deepEqual(
      organisation?.approvals.map((a) => [a.municipalityCode, a.decision, a.reason]),
      [
        ['0849', 'approved', undefined],
        ['0101', 'rejected', 'Arbejder ikke i kommunen'],
      ],
    );
    assert.deepEqual(organisation?.activeIn, ['0849']);
  });

  it('when an administrator suspends, then the organisation disappears from where it was active; reason required', async () => {
    const { organisationId } = await registerClub();
    const adminA = await adminOf('0849');
    await postForm(adminA, '/kommune/foreninger', `/kommune/foreninger/${organisationId}/godkend`, '');
    const noReason = await postForm(
      adminA,
      '/kommune/foreninger',
      `/kommune/foreninger/${organisationId}/suspender`,
      'reason=',
    );
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /Skriv en begrundelse/);
    const suspended = await postForm(
      adminA,
      '/kommune/foreninger',
      `/kommune/foreninger/${organisationId}/suspender`,
      'reason=Bekymring+rejst',
    );
    assert.equal(suspended.status, 303);
    const organisation = await findOrganisation(organisationId);
    assert.deepEqual(organisation?.activeIn, []);
    assert.equal(organisation?.status, 'pending', 'the other municipality has still not decided');
  });

  it('when an administrator of a municipality it does not work in acts on it, then it is a 404 and nothing changes', async () => {
    const { organisationId } = await registerClub();
    const adminC = await adminOf('0851');
    for (const action of ['godkend', 'afvis', 'suspender']) {
      const response = await postForm(
        adminC,
        '/kommune/foreninger',
        `/kommune/foreninger/${organisationId}/${action}`,
        'reason=x',
      );
      assert.equal(response.status, 404, action);
    }
    assert.ok(!(await adminC.get('/kommune/foreninger')).text.includes('Nordstrand Gymnastik'));
    assert.equal((await findOrganisation(organisationId))?.status, 'pending');
  });

  it('when a step is not possible (approving twice), then the page says it changed and nothing breaks', async () => {
    const { organisationId } = await registerClub();
    const adminA = await adminOf('0849');
    await postForm(adminA, '/kommune/foreninger', `/kommune/foreninger/${organisationId}/godkend`, '');
    const again = await postForm(
      adminA,
      '/kommune/foreninger',
      `/kommune/foreninger/${organisationId}/godkend`,
      '',
    );
    assert.equal(again.status, 303);
    assert.match((await adminA.get('/kommune/foreninger')).text, /ændret af en anden imens/);
  });

  it('when a colleague rejected meanwhile, then an approval posted from a page still showing "pending" is refused', async () => {
    const { organisationId } = await registerClub();
    const [first, second] = [await adminOf('0849'), await adminOf('0849')];
    const seenBySecond = await second.get('/kommune/foreninger');
    const shownVersion = new RegExp(
      `foreninger/${organisationId}/godkend"[^>]*>\\s*<input[^>]*>\\s*<input type="hidden" name="version" value="(\\d+)"`,
    ).exec(seenBySecond.text)?.[1];
    assert.equal(shownVersion, '0', 'the page posts the version it shows');
    await postForm(
      first,
      '/kommune/foreninger',
      `/kommune/foreninger/${organisationId}/afvis`,
      'reason=Ikke+relevant',
    );
    const late = await second
      .post(`/kommune/foreninger/${organisationId}/godkend`)
      .type('form')
      .send({ _csrf: csrfFrom(seenBySecond.text), version: shownVersion });
    assert.equal(late.status, 303);
    assert.match((await second.get('/kommune/foreninger')).text, /ændret af en anden imens/);
    const stored = await findOrganisation(organisationId);
    assert.equal(
      stored?.approvals.find((approval) => approval.municipalityCode === '0849')?.decision,
      'rejected',
    );
  });

  it('when a volunteer or social worker asks for the approval page, then it does not exist for them', async () => {
    const volunteer = await loginAs(app, await createUser({}));
    assert.equal((await volunteer.get('/kommune/foreninger')).status, 404);
    const worker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true }),
    );
    assert.equal((await worker.get('/kommune/foreninger')).status, 404);
  });
});
