import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { MatchStepModel } from '../../../src/components/requests/match-step-model.js';
import { createUser, csrfFrom, loginAs, submitForm, type TestUser } from '../../helpers/accounts.js';
import { createMatch, createRequest } from '../../helpers/matching.js';
import { createCasePeople } from '../../helpers/people.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('matches under concurrency (claimed step by step)', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let clubId: string;
  let karin: TestUser;
  let bo: TestUser;
  let requestId: string;

  beforeEach(async () => {
    await importMunicipalities();
    // The lifecycle under concurrency; the eligibility re-check at acceptance is tested with consent.
    app = buildTestApp({ provisions: [everyoneEligible] });
    ({ sara, clubId, karin, bo } = await createCasePeople());
    requestId = await createRequest(sara.id, { caseRef: 'SAG-HEMMELIG-1', needsText: 'Mor er syg' });
  });

  it('when two coordinators accept at once, then one acceptance lands and the other is told it changed meanwhile', async () => {
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    const second = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    const [first, other] = [await loginAs(app, karin), await loginAs(app, second)];
    const tokens = [
      csrfFrom((await first.get('/forening/forslag')).text),
      csrfFrom((await other.get('/forening/forslag')).text),
    ];
    const responses = await Promise.all([
      first.post(`/forening/forslag/${matchId}/accepter`).type('form').send({ _csrf: tokens[0] }),
      other.post(`/forening/forslag/${matchId}/accepter`).type('form').send({ _csrf: tokens[1] }),
    ]);
    assert.deepEqual(
      responses.map((response) => response.status),
      [303, 303],
    );
    const match = await MatchModel.findById(matchId).lean();
    assert.equal(match?.steps, 1, 'exactly one acceptance step');
    const pages = [(await first.get('/forening/forslag')).text, (await other.get('/forening/forslag')).text];
    assert.equal(pages.filter((page) => /ændret af en anden imens/.test(page)).length, 1);
  });

  it('when the coordinator and the volunteer accept at the same moment, then both acceptances land', async () => {
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    const [coordinator, volunteer] = [await loginAs(app, karin), await loginAs(app, bo)];
    const tokens = [
      csrfFrom((await coordinator.get('/forening/forslag')).text),
      csrfFrom((await volunteer.get('/frivillig/forslag')).text),
    ];
    await Promise.all([
      coordinator.post(`/forening/forslag/${matchId}/accepter`).type('form').send({ _csrf: tokens[0] }),
      volunteer.post(`/frivillig/forslag/${matchId}/accepter`).type('form').send({ _csrf: tokens[1] }),
    ]);
    const match = await MatchModel.findById(matchId).lean();
    assert.equal(match?.state, 'awaiting-consent');
    assert.ok(match?.acceptedByOrg && match.acceptedByVolunteer);
  });

  it('when a step was claimed but the process died before applying it, then the next move applies it first', async () => {
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    const at = new Date();
    const proposed = (await MatchModel.findById(matchId).lean())!.history;
    await MatchStepModel.create({
      matchId,
      step: 0,
      action: 'accept-org',
      by: karin.id,
      at,
      patch: { state: 'proposed', history: proposed, acceptedByOrg: { by: karin.id, at } },
    });
    const volunteer = await loginAs(app, bo);
    await submitForm(volunteer, '/frivillig/forslag', `/frivillig/forslag/${matchId}/accepter`);
    const match = await MatchModel.findById(matchId).lean();
    assert.equal(match?.state, 'awaiting-consent');
    assert.equal(match?.acceptedByOrg?.by, karin.id);
    assert.equal(match?.steps, 2);
  });
});
