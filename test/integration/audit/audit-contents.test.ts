import assert from 'node:assert/strict';
import type { Express } from 'express';
import { ConsentVersionModel } from '../../../src/components/consent/consent-model.js';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { forgetCandidateBase } from '../../../src/components/candidates/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import { createCandidate, createOrganisationOfKind } from '../../helpers/candidates.js';
import { consentPage, recordConsentThroughForm } from '../../helpers/consent.js';
import { createSocialWorker, requestFields } from '../../helpers/matching.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// The child's values, each one no other part of the test data uses, so finding one anywhere in an
// entry's details can only mean the entry copied it from the case.
const AGE = 13;
const BIRTH_YEAR = new Date().getUTCFullYear() - AGE;
const POSTCODE = '9690';
const LANGUAGE = 'ti';
const CANARY_TEXTS = ['kanariefugl', 'zebrafinke', 'papegøjeklub', 'hemmeligkanarie', 'Kanarie'];

/** Every leaf of a value, with where it sits ("criteria.factors.0"). */
function leaves(value: unknown, at = ''): Array<{ at: string; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${at}.${index}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => leaves(item, at ? `${at}.${key}` : key));
  return [{ at, value }];
}

// Keys under which an entry could only be holding a value of the child's (a name in a list is fine:
// `{ fields: ['interests'] }` says which field changed, not what it holds).
const CHILD_KEYS = new Set(['age', 'birthYear', 'postcode', 'interests', 'homeLanguages', 'needsText']);
const ANSWER_KEYS = new Set(['worry', 'worryText', 'goes', 'wellbeing', 'meetings', 'wishContinue']);

function childValuesIn(details: unknown): string[] {
  return leaves(details).flatMap(({ at, value }) => {
    const keys = at.split('.');
    if (keys.some((key) => CHILD_KEYS.has(key) || ANSWER_KEYS.has(key))) return [`${at}=${String(value)}`];
    if (typeof value === 'number' && (value === AGE || value === BIRTH_YEAR)) return [`${at}=${value}`];
    if (typeof value !== 'string') return [];
    const lower = value.toLocaleLowerCase('da-DK');
    if (value === POSTCODE || value === LANGUAGE || value === String(BIRTH_YEAR)) return [`${at}=${value}`];
    if (CANARY_TEXTS.some((text) => lower.includes(text.toLocaleLowerCase('da-DK'))))
      return [`${at}=${value}`];
    return [];
  });
}

describe('audit log: what the main case actions write holds none of the child’s values', function () {
  this.timeout(120_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    // Eligibility is tested elsewhere; here every candidate may be proposed.
    app = buildTestApp({ provisions: [everyoneEligible] });
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
    forgetCandidateBase();
  });

  it('when a case goes from creation through candidates, search, proposal, consent, follow-ups and export, then every entry names ids, counts and field names only', async () => {
    const club = await createOrganisationOfKind('association');
    const karin = await createUser({ roles: [{ role: 'coordinator', organisationId: club }], totp: true });
    // The candidate shares the child's interest, so the ranking explains it: the log must not repeat it.
    const bo = await createCandidate(club, { name: 'Bo Bertelsen', interests: ['kanariefugl'] });
    await createCandidate(club, { name: 'Cai Carlsen', interests: ['kanariefugl', 'skak'] });
    const leader = await createUser({ roles: [{ role: 'leader', municipalityCode: '0849' }], totp: true });

    const created = await submitForm(
      worker,
      '/sager/ny',
      '/sager/ny',
      requestFields({
        birthYear: String(BIRTH_YEAR),
        birthMonth: '1',
        postcode: POSTCODE,
        interests: 'kanariefugl, zebrafinke',
        needsText: 'Fortroligt: hemmeligkanarie i hjemmet.',
        homeLanguages: LANGUAGE,
        maxTravelKm: '100',
      }),
    );
    assert.equal(created.status, 303, 'the request is created');
    const requestId = String((await RequestModel.findOne({ postcode: POSTCODE }).lean())!._id);
    assert.equal((await worker.get(`/sager/${requestId}`)).status, 200);
    const edited = await submitForm(
      worker,
      `/sager/${requestId}/rediger`,
      `/sager/${requestId}/rediger`,
      requestFields({
        birthYear: String(BIRTH_YEAR),
        birthMonth: '1',
        postcode: POSTCODE,
        interests: 'kanariefugl, zebrafinke, papegøjeklub',
        needsText: 'Fortroligt: hemmeligkanarie i hjemmet.',
        homeLanguages: LANGUAGE,
        maxTravelKm: '100',
      }),
    );
    assert.equal(edited.status, 303, 'the request is edited');

    const list = await worker.get(`/sager/${requestId}/kandidater`);
    assert.equal(list.status, 200);
    const [pair] = list.text.match(/a=[0-9a-f_]+&amp;b=[0-9a-f_]+/) ?? [];
    assert.ok(pair, 'two candidates to compare');
    assert.equal(
      (await worker.get(`/sager/${requestId}/sammenlign?${pair.replace('&amp;', '&')}`)).status,
      200,
    );
    const search = `/sager/soeg?interesse=kanariefugl&postnummer=${POSTCODE}&ugedag=2`;
    assert.equal((await worker.get(search)).status, 200);

    const proposed = await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/foreslaa`, {
      volunteerId: bo.id,
      organisationId: club,
      offerId: '',
      childAlias: 'Kanarie',
      askText: 'Tag barnet med til kanariefugl-klubben om tirsdagen.',
    });
    assert.equal(proposed.status, 303, 'the proposal is made');
    const matchId = String((await MatchModel.findOne({ requestId }).lean())!._id);
    const coordinator = await loginAs(app, karin);
    await submitForm(coordinator, '/forening/forslag', `/forening/forslag/${matchId}/accepter`);
    const volunteer = await loginAs(app, bo);
    await submitForm(volunteer, '/frivillig/forslag', `/frivillig/forslag/${matchId}/accepter`);

    assert.equal((await recordConsentThroughForm(worker, requestId, matchId)).status, 200, 'consent');
    const activated = await submitForm(
      worker,
      consentPage(requestId, matchId),
      `/sager/${requestId}/match/${matchId}/aktiver`,
    );
    assert.equal(activated.status, 303, 'the match is activated');

    const checkIn = (await FollowUpModel.findOne({ matchId, audience: 'volunteer' }).lean())!;
    const family = (await FollowUpModel.findOne({ matchId, audience: 'family' }).lean())!;
    const worried = {
      meetings: '3',
      goes: '2',
      wellbeing: '2',
      worry: 'yes',
      worryText: 'Barnet talte om hemmeligkanarie.',
      wishContinue: 'yes',
    };
    const answered = await submitForm(
      volunteer,
      `/frivillig/opfoelgning/${checkIn._id}`,
      `/frivillig/opfoelgning/${checkIn._id}`,
      worried,
    );
    assert.equal(answered.status, 303, 'the volunteer answers the check-in');
    assert.equal((await worker.get(`/opfoelgning/${family._id}`)).status, 200);
    const teamAnswer = await submitForm(
      worker,
      `/opfoelgning/${family._id}`,
      `/opfoelgning/${family._id}`,
      worried,
    );
    assert.equal(teamAnswer.status, 303, 'the social worker answers the family follow-up');

    const consentId = (await ConsentVersionModel.findOne({ matchId }).lean())!.consentId;
    const withdrawn = await submitForm(
      worker,
      consentPage(requestId, matchId),
      `${consentPage(requestId, matchId)}/${consentId}/tilbagekald`,
      { how: 'phone', reason: 'Mor ringede om hemmeligkanarie.' },
    );
    assert.equal(withdrawn.status, 303, 'the consent is withdrawn');
    const exported = await (await loginAs(app, leader)).get('/kommune/rapport/csv?tabel=overview');
    assert.equal(exported.status, 200, 'the report is exported');

    const entries = await AuditEventModel.find({}).lean();
    const actions = new Set(entries.map((entry) => entry.action));
    const walked = [
      'request.create',
      'request.read',
      'request.update',
      'candidates.list',
      'candidates.compare',
      'candidates.search',
      'match.propose',
      'consent.read',
      'consent.record',
      'match.activate',
      'followup.answered',
      'consent.withdraw',
      'reporting.exported',
    ];
    assert.deepEqual(
      walked.filter((action) => !actions.has(action)),
      [],
      `every action walked is in the log (found: ${[...actions].sort().join(', ')})`,
    );
    const found = entries.flatMap((entry) =>
      childValuesIn(entry.details).map((where) => `${entry.action}: ${where}`),
    );
    assert.deepEqual(found, [], `${found.length} of ${entries.length} entries' details hold a child's value`);
    const listed = entries.find((entry) => entry.action === 'candidates.list')!;
    assert.deepEqual(
      (listed.details as { criteria: unknown }).criteria,
      { factors: ['age', 'distance', 'interests', 'languages', 'vetting-period'] },
      'the listing names the factors it used',
    );
    assert.equal(listed.objectId, requestId, 'and which case it was');
    assert.equal(listed.actorId, sara.id, 'and who looked');
  });
});
