import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { eligibilitySeam } from '../../../src/components/requests/index.js';
import { provide } from '../../../src/shared/wiring/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import { recordConsentThroughForm } from '../../helpers/consent.js';
import { latestMailTo } from '../../helpers/mail.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createOffer } from '../../helpers/offers.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { createCasePeople, pageAs } from '../../helpers/people.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('matches: proposal, answers and the social worker’s moves', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let clubId: string;
  let karin: TestUser;
  let bo: TestUser;
  let requestId: string;

  beforeEach(async () => {
    await importMunicipalities();
    // These tests are about the lifecycle; candidate search's own eligibility check (vetting, profile,
    // capacity) is tested with candidate search. A stub stands in where the port itself is tested.
    app = buildTestApp({ provisions: [everyoneEligible] });
    ({ sara, clubId, karin, bo } = await createCasePeople());
    worker = await loginAs(app, sara);
    requestId = await createRequest(sara.id, { caseRef: 'SAG-HEMMELIG-1', needsText: 'Mor er syg' });
  });

  const propose = (fields: Record<string, string> = {}) =>
    submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/foreslaa`, {
      volunteerId: bo.id,
      organisationId: clubId,
      childAlias: 'Emma',
      askText: 'Tag barnet med til gymnastik om tirsdagen.',
      ...fields,
    });

  it('when the worker proposes a member, then coordinator and volunteer are told the activity and an age band, never the case (the child’s fields and the ask text wait for consent)', async () => {
    const response = await propose();
    assert.equal(response.status, 303);
    const match = await MatchModel.findOne({ requestId }).lean();
    assert.equal(match?.state, 'proposed');
    for (const person of [karin, bo]) {
      const mail = await latestMailTo(person.email);
      assert.equal(mail?.template, 'match-proposal');
      assert.doesNotMatch(mail?.text ?? '', /Emma/);
      assert.doesNotMatch(mail?.text ?? '', /Tag barnet med til gymnastik/);
      assert.match(mail?.text ?? '', /Nordstrand IF/);
      assert.doesNotMatch(mail?.text ?? '', /SAG-HEMMELIG-1|Mor er syg/);
      assert.doesNotMatch(mail?.html ?? '', /SAG-HEMMELIG-1|Mor er syg/);
    }
    assert.equal((await AuditEventModel.find({ action: 'match.propose' }).lean())[0]?.purpose, 'casework');
  });

  it('when the proposal names an offer, then before consent the activity is called by the offer, not only the organisation', async () => {
    const offerId = await createOffer(clubId, { title: 'Springgymnastik tirsdag' });
    assert.equal((await propose({ offerId })).status, 303);
    const page = await pageAs(app, bo, '/frivillig/forslag');
    assert.match(page.text, /Springgymnastik tirsdag/);
    assert.doesNotMatch(page.text, /Emma|Tag barnet med til gymnastik/);
  });

  it('when the ask text names the child by the alias, then the form is refused with a field message and nothing is proposed', async () => {
    const response = await propose({ askText: 'Tag EMMA med til gymnastik om tirsdagen.' });
    assert.equal(response.status, 400, `the form answered ${response.status}`);
    assert.match(response.text, /Teksten nævner barnets navn/);
    assert.equal(await MatchModel.countDocuments({ requestId }), 0);
    const hint = await worker.get(`/sager/${requestId}/kandidater`);
    assert.doesNotMatch(hint.text, /Tag E\. med/);
  });

  it('when the same adult is proposed again while the first is live, then the second is refused', async () => {
    await propose();
    await propose();
    assert.equal(await MatchModel.countDocuments({ requestId }), 1);
  });

  it('when the hidden ids name a non-member or an organisation outside the municipality, then it is a 404', async () => {
    const stranger = await createUser({});
    assert.equal((await propose({ volunteerId: stranger.id })).status, 404);
    const elsewhere = await createOrganisation({ municipalityCode: '0101' });
    await addMember(elsewhere, bo.id);
    assert.equal((await propose({ organisationId: elsewhere })).status, 404);
    assert.equal((await propose({ offerId: 'f'.repeat(24) })).status, 404);
    assert.equal(await MatchModel.countDocuments(), 0);
  });

  it('when the registered eligibility check refuses the candidate, then nothing is proposed and the worker is told why', async () => {
    app = buildTestApp({ provisions: [provide(eligibilitySeam, async () => 'matching.propose.invalid')] });
    worker = await loginAs(app, sara);
    const response = await propose();
    assert.equal(response.status, 303);
    assert.equal(await MatchModel.countDocuments(), 0);
    assert.match((await worker.get(`/sager/${requestId}`)).text, /Forslaget kunne ikke sendes/);
  });

  it('when coordinator and volunteer both accept, then the match awaits consent, the worker is told, and recorded consent lets it start', async () => {
    await propose();
    const matchId = String((await MatchModel.findOne({ requestId }).lean())?._id);
    const coordinator = await loginAs(app, karin);
    const page = await coordinator.get('/forening/forslag');
    assert.doesNotMatch(page.text, /Emma/);
    assert.doesNotMatch(page.text, /Tag barnet med til gymnastik/);
    assert.match(page.text, /Aktivitet<\/dt><dd>Nordstrand IF/);
    assert.doesNotMatch(page.text, /SAG-HEMMELIG-1|Mor er syg/);
    await submitForm(coordinator, '/forening/forslag', `/forening/forslag/${matchId}/accepter`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'proposed');
    const volunteer = await loginAs(app, bo);
    const own = await volunteer.get('/frivillig/forslag');
    assert.doesNotMatch(own.text, /SAG-HEMMELIG-1|Mor er syg/);
    await submitForm(volunteer, '/frivillig/forslag', `/frivillig/forslag/${matchId}/accepter`);
    const accepted = await MatchModel.findById(matchId).lean();
    assert.equal(accepted?.state, 'awaiting-consent');
    assert.deepEqual(
      accepted?.history.map((event) => event.state),
      ['proposed', 'accepted', 'awaiting-consent'],
    );
    assert.equal((await latestMailTo(sara.email))?.template, 'match-accepted');

    await recordConsentThroughForm(worker, requestId, matchId);
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/match/${matchId}/aktiver`);
    const active = await MatchModel.findById(matchId).lean();
    assert.equal(active?.state, 'active');
    assert.equal((await RequestModel.findById(requestId).lean())?.status, 'matched');

    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/match/${matchId}/pause`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/match/${matchId}/genoptag`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/match/${matchId}/luk`, {
      closeReason: 'goal-reached',
    });
    const closed = await MatchModel.findById(matchId).lean();
    assert.equal(closed?.state, 'closed');
    assert.equal(closed?.closeReason, 'goal-reached');
    assert.equal(closed?.rematchOffered, true);
    assert.equal((await RequestModel.findById(requestId).lean())?.status, 'open');
    assert.match((await worker.get(`/sager/${requestId}`)).text, /Find en ny voksen/);
  });

  it('when the volunteer declines with a reason, then the proposal is declined and the worker is told why', async () => {
    await propose();
    const matchId = String((await MatchModel.findOne({ requestId }).lean())?._id);
    const volunteer = await loginAs(app, bo);
    const missing = await submitForm(volunteer, '/frivillig/forslag', `/frivillig/forslag/${matchId}/afvis`, {
      reason: '',
    });
    assert.equal(missing.status, 400);
    await submitForm(volunteer, '/frivillig/forslag', `/frivillig/forslag/${matchId}/afvis`, {
      reason: 'Ingen tid i år',
    });
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'declined');
    const mail = await latestMailTo(sara.email);
    assert.equal(mail?.template, 'match-declined');
    assert.match(mail?.text ?? '', /Ingen tid i år/);
  });

  it('when a move does not fit the state, then it is refused with a message, not applied', async () => {
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    const response = await submitForm(
      worker,
      `/sager/${requestId}`,
      `/sager/${requestId}/match/${matchId}/pause`,
    );
    assert.equal(response.status, 303);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'proposed');
    assert.match((await worker.get(`/sager/${requestId}`)).text, /Det kan ikke lade sig gøre/);
  });

  it('when a coordinator opens the proposals page, then the read is audited with its purpose', async () => {
    await createMatch({ requestId, organisationId: clubId, volunteerId: bo.id, proposedBy: sara.id });
    await pageAs(app, karin, '/forening/forslag');
    const [list] = await AuditEventModel.find({ action: 'match.list' }).lean();
    assert.equal(list?.actorId, karin.id);
    assert.equal(list?.organisationId, clubId);
    assert.equal(list?.purpose, 'answer-proposal');
  });

  it('when a coordinator of another organisation, another volunteer or a worker of another municipality reach for the match, then each is a 404', async () => {
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    const otherClub = await createOrganisation();
    const otherCoordinator = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId: otherClub }] }),
    );
    const otherVolunteer = await loginAs(app, await createUser({}));
    const otherWorker = await loginAs(app, await createSocialWorker('0101'));
    for (const segment of ['accepter', 'afvis']) {
      const org = await submitForm(
        otherCoordinator,
        '/forening/forslag',
        `/forening/forslag/${matchId}/${segment}`,
        { reason: 'x y' },
      );
      assert.equal(org.status, 404);
      const own = await submitForm(
        otherVolunteer,
        '/frivillig/forslag',
        `/frivillig/forslag/${matchId}/${segment}`,
        { reason: 'x y' },
      );
      assert.equal(own.status, 404);
    }
    assert.doesNotMatch((await otherCoordinator.get('/forening/forslag')).text, /Tag E\. med/);
    assert.doesNotMatch((await otherVolunteer.get('/frivillig/forslag')).text, /Tag E\. med/);
    for (const [segment, fields] of [
      ['aktiver', {}],
      ['pause', {}],
      ['genoptag', {}],
      ['luk', { closeReason: 'other' }],
    ] as const) {
      const response = await submitForm(
        otherWorker,
        '/sager',
        `/sager/${requestId}/match/${matchId}/${segment}`,
        fields,
      );
      assert.equal(response.status, 404, segment);
    }
    const response = await submitForm(otherWorker, '/sager', `/sager/${requestId}/foreslaa`, {
      volunteerId: bo.id,
      organisationId: clubId,
      childAlias: 'X',
      askText: 'Noget helt andet her.',
    });
    assert.equal(response.status, 404);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'proposed');
    assert.equal(await OutboxMessageModel.countDocuments(), 0);
  });
});
