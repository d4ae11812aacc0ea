import assert from 'node:assert/strict';
import type { Express } from 'express';
import { trusted } from 'mongoose';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { eligibilitySeam } from '../../../src/components/requests/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { createUser, csrfFrom, loginAs, submitForm, type TestUser } from '../../helpers/accounts.js';
import { createCandidate, createCandidateRequest } from '../../helpers/candidates.js';
import { consentPage, recordConsentThroughForm } from '../../helpers/consent.js';
import { latestMailTo } from '../../helpers/mail.js';
import { createMatch, createSocialWorker } from '../../helpers/matching.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { provide } from '../../../src/shared/wiring/index.js';

describe('match safety: exact re-checks, places held from the proposal, and a volunteer who leaves', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let clubId: string;
  let karin: TestUser;
  let bo: TestUser;

  beforeEach(async () => {
    await importMunicipalities();
    // The real exact check, as every app is wired with it.
    app = buildTestApp();
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    clubId = await createOrganisation({ name: 'Nordstrand IF' });
    karin = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: clubId }],
    });
    bo = await createCandidate(clubId, { name: 'Bo Frivillig', maxChildren: 1 });
  });

  const beyondProposal = () =>
    MatchModel.countDocuments({
      volunteerId: bo.id,
      state: trusted({ $in: ['accepted', 'awaiting-consent', 'active', 'paused'] }),
    });

  it('when nothing checks eligibility, then a proposal is refused rather than let through', async () => {
    app = buildTestApp({ provisions: [provide(eligibilitySeam, undefined)] });
    const requestId = await createCandidateRequest(sara.id);
    const worker = await loginAs(app, sara);
    const response = await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/foreslaa`, {
      volunteerId: bo.id,
      organisationId: clubId,
      childAlias: 'Emma',
      askText: 'Tag barnet med til fodbold om tirsdagen.',
    });
    assert.equal(response.status, 303);
    assert.equal(await MatchModel.countDocuments(), 0);
    assert.match((await worker.get(`/sager/${requestId}`)).text, /kunne ikke kontrolleres/);
  });

  it('when a volunteer with room for one has a waiting proposal, then a second proposal is refused at once', async () => {
    const worker = await loginAs(app, sara);
    for (const caseRef of ['SAG-A', 'SAG-B']) {
      const requestId = await createCandidateRequest(sara.id, { caseRef });
      await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/foreslaa`, {
        volunteerId: bo.id,
        organisationId: clubId,
        childAlias: 'Emma',
        askText: 'Tag barnet med til fodbold om tirsdagen.',
      });
    }
    assert.equal(await MatchModel.countDocuments({ volunteerId: bo.id }), 1);
  });

  it('when two proposals for a volunteer with room for one are accepted at the same moment, then only the earlier goes on', async () => {
    // Two proposals that landed together (as two workers proposing at once would leave them).
    const [first, second] = [
      await createCandidateRequest(sara.id, { caseRef: 'SAG-A' }),
      await createCandidateRequest(sara.id, { caseRef: 'SAG-B' }),
    ];
    const matches = [
      await createMatch({
        requestId: first,
        organisationId: clubId,
        volunteerId: bo.id,
        proposedBy: sara.id,
      }),
      await createMatch({
        requestId: second,
        organisationId: clubId,
        volunteerId: bo.id,
        proposedBy: sara.id,
      }),
    ];
    await MatchModel.updateMany({}, { $set: { acceptedByOrg: { by: karin.id, at: new Date() } } });
    const volunteer = await loginAs(app, bo);
    const token = csrfFrom((await volunteer.get('/frivillig/forslag')).text);
    const responses = await Promise.all(
      [...matches]
        .reverse()
        .map((matchId) =>
          volunteer.post(`/frivillig/forslag/${matchId}/accepter`).type('form').send({ _csrf: token }),
        ),
    );
    assert.deepEqual(
      responses.map((response) => response.status),
      [303, 303],
    );
    assert.equal(await beyondProposal(), 1);
    assert.equal((await MatchModel.findById(matches[0]).lean())?.state, 'awaiting-consent');
    assert.equal((await MatchModel.findById(matches[1]).lean())?.state, 'proposed');
  });

  it('when the adult has paused since the proposal, then acceptance is refused by the exact re-check', async () => {
    const requestId = await createCandidateRequest(sara.id);
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    await VolunteerProfileModel.updateOne({ userId: bo.id }, { $set: { status: 'paused' } });
    const coordinator = await loginAs(app, karin);
    const response = await submitForm(
      coordinator,
      '/forening/forslag',
      `/forening/forslag/${matchId}/accepter`,
    );
    assert.equal(response.status, 303);
    const match = await MatchModel.findById(matchId).lean();
    assert.equal(match?.acceptedByOrg, undefined);
    assert.match((await coordinator.get('/forening/forslag')).text, /holder pause/);
  });

  it('when a volunteer deletes their account, then their live matches end, the worker is told and their name leaves the request', async () => {
    const requestId = await createCandidateRequest(sara.id);
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      state: 'awaiting-consent',
    });
    const worker = await loginAs(app, sara);
    await recordConsentThroughForm(worker, requestId, matchId);
    await submitForm(worker, consentPage(requestId, matchId), `/sager/${requestId}/match/${matchId}/aktiver`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
    assert.match((await worker.get(`/sager/${requestId}`)).text, /Bo Frivillig/);

    const volunteer = await loginAs(app, bo);
    const deleted = await submitForm(volunteer, '/frivillig/slet', '/frivillig/slet', {
      password: bo.password,
    });
    assert.equal(deleted.status, 303);
    const match = await MatchModel.findById(matchId).lean();
    assert.equal(match?.state, 'closed');
    assert.equal(match?.closeReason, 'volunteer-left');
    assert.equal((await latestMailTo(sara.email))?.template, 'match-volunteer-left');
    const page = (await worker.get(`/sager/${requestId}`)).text;
    assert.doesNotMatch(page, /Bo Frivillig|Slettet bruger/);
    assert.match(page, /Den frivillige har forladt Brobygning/);
    assert.doesNotMatch((await worker.get(consentPage(requestId, matchId))).text, /Bo Frivillig/);
  });
});
