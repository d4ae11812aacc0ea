import assert from 'node:assert/strict';
import { trusted } from 'mongoose';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import {
  ConsentAcknowledgementModel,
  ConsentClaimModel,
  ConsentLinkModel,
  ConsentVersionModel,
} from '../../../src/components/consent/consent-model.js';
import { FollowUpModel, FollowUpPlanModel } from '../../../src/components/followups/index.js';
import { BookmarkModel } from '../../../src/components/candidates/bookmark-model.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { MatchClaimModel, MatchStepModel } from '../../../src/components/requests/match-step-model.js';
import { PlaceSlotModel } from '../../../src/components/requests/place-slot-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import {
  CaseTallyModel,
  handleInactiveVolunteers,
  purgeExpiredCases,
} from '../../../src/components/retention/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { runJob, type JobContext, type JobDefinition } from '../../../src/shared/jobs/index.js';
import { enqueueMail, OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser } from '../../helpers/accounts.js';
import { storeConsent } from '../../helpers/consent.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T10:00:00Z');
const asJob = (name: string, work: (context: JobContext) => Promise<number>): JobDefinition => ({
  name,
  schedule: '* * * * *',
  run: (context) => work(context!),
});

describe('retention', function () {
  this.timeout(30_000);
  useTestDatabase();

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    // Configures mail as the running app does.
    buildTestApp();
  });

  async function endedCase(monthsAgo: number, caseRef: string) {
    const sara = await createSocialWorker();
    const organisationId = await createOrganisation();
    const volunteer = await createUser({});
    const endedAt = new Date(NOW.getTime() - monthsAgo * 30.5 * DAY);
    const requestId = await createRequest(sara.id, { caseRef, status: 'closed' });
    await RequestModel.updateOne({ _id: requestId }, { $set: { closedAt: endedAt } });
    const matchId = await createMatch({
      requestId,
      organisationId,
      volunteerId: volunteer.id,
      proposedBy: sara.id,
      state: 'closed',
      createdAt: endedAt,
    });
    await FollowUpModel.create({
      _id: `${matchId}:family:closing:1`,
      matchId,
      requestId,
      municipalityCode: '0849',
      organisationId,
      volunteerId: volunteer.id,
      audience: 'family',
      kind: 'closing',
      sequence: 1,
      dueOn: '2024-01-01',
    });
    await BookmarkModel.create({
      requestId,
      municipalityCode: '0849',
      candidateKey: `${volunteer.id}_${organisationId}`,
      createdBy: sara.id,
    });
    return { requestId, matchId };
  }

  it('when a case ended longer ago than the period, then it and its follow-ups and bookmarks go, younger ones stay, and the run is audited with counts', async () => {
    const old = await endedCase(25, 'SAG-OLD');
    const young = await endedCase(23, 'SAG-YOUNG');
    await AuditEventModel.create({
      at: new Date(NOW.getTime() - 6 * 365 * DAY),
      action: 'x.old',
      outcome: 'success',
      municipalityCode: '0849',
    });
    await AuditEventModel.create({
      at: new Date(NOW.getTime() - 4 * 365 * DAY),
      action: 'x.young',
      outcome: 'success',
      municipalityCode: '0849',
    });

    const summary = await runJob(asJob('retention:test', purgeExpiredCases), { now: NOW });
    assert.equal(summary.failures, 0, summary.errorMessages.join());

    assert.equal(await RequestModel.exists({ _id: old.requestId }), null);
    assert.equal(await MatchModel.exists({ _id: old.matchId }), null);
    assert.equal(await FollowUpModel.countDocuments({ matchId: old.matchId }), 0);
    assert.equal(await BookmarkModel.countDocuments({ requestId: old.requestId }), 0);
    assert.ok(await RequestModel.exists({ _id: young.requestId }));
    assert.ok(await MatchModel.exists({ _id: young.matchId }));
    assert.equal(await FollowUpModel.countDocuments({ matchId: young.matchId }), 1);
    assert.equal(await BookmarkModel.countDocuments({ requestId: young.requestId }), 1);
    assert.equal(await AuditEventModel.countDocuments({ action: 'x.old' }), 0);
    assert.equal(await AuditEventModel.countDocuments({ action: 'x.young' }), 1);

    const run = await AuditEventModel.findOne({
      action: 'retention.cases-purged',
      municipalityCode: '0849',
    }).lean();
    assert.deepEqual(
      { ...(run?.details as object), closedCaseRetentionMonths: undefined, auditRetentionYears: undefined },
      {
        requests: 1,
        matches: 1,
        bookmarks: 1,
        steps: 0,
        mails: 0,
        related: 1,
        auditEntries: 1,
        closedCaseRetentionMonths: undefined,
        auditRetentionYears: undefined,
      },
      'related: the follow-up',
    );
    // Reports keep an anonymous row for the deleted match, nothing that leads back to it.
    const tallies = await CaseTallyModel.find().lean();
    assert.equal(tallies.length, 1);
    assert.deepEqual(Object.keys(tallies[0]).sort(), [
      '_id',
      'activeDays',
      'endedYear',
      'municipalityCode',
      'outcome',
    ]);
    assert.equal(tallies[0].outcome, 'closed');
    // The same day again does nothing twice.
    assert.equal((await runJob(asJob('retention:test', purgeExpiredCases), { now: NOW })).items, 0);
  });

  /**
   * Everything the application keeps about one case besides the request, the match and the bookmark that
   * endedCase writes: the consent (ledger, link, acknowledgement, claim), an answered follow-up and the
   * plan, the match's steps, claim and place slot, its mail (sent and unsent), and audit entries about the
   * case whose details hold the child's data.
   */
  async function caseRecords(monthsAgo: number, caseRef: string) {
    const { requestId, matchId } = await endedCase(monthsAgo, caseRef);
    const match = (await MatchModel.findById(matchId).lean())!;
    const consentId = await storeConsent({
      requestId,
      matchId,
      organisationId: match.organisationId,
      volunteerId: match.volunteerId,
      recordedBy: match.proposedBy,
      validUntil: new Date(NOW.getTime() + 365 * DAY),
    });
    await ConsentLinkModel.create({ _id: `link-${consentId}`, consentId, matchId, createdAt: NOW });
    await ConsentAcknowledgementModel.create({ matchId, requestId, by: 'x', at: NOW, reason: 'Ung, 13 år' });
    await ConsentClaimModel.create({ kind: 'expiry-reminder', consentId, claimedAt: NOW });
    const followUpId = `${matchId}:volunteer:regular:1`;
    await FollowUpModel.create({
      _id: followUpId,
      matchId,
      requestId,
      municipalityCode: '0849',
      organisationId: match.organisationId,
      volunteerId: match.volunteerId,
      audience: 'volunteer',
      kind: 'regular',
      sequence: 1,
      dueOn: '2024-01-01',
      state: 'done',
      answers: {
        meetings: 3,
        goes: 4,
        wellbeing: 2,
        worry: true,
        worryText: 'Sover dårligt',
        wishContinue: 'yes',
      },
    });
    await FollowUpPlanModel.create({
      _id: matchId,
      municipalityCode: '0849',
      requestId,
      activeOn: '2023-01-01',
    });
    await MatchStepModel.create({
      matchId,
      step: 0,
      action: 'close',
      by: 'x',
      at: NOW,
      patch: { state: 'closed' },
      states: ['closed'],
      settled: true,
    });
    await MatchClaimModel.create({ kind: 'proposal-reminder', matchId, claimedAt: NOW });
    await PlaceSlotModel.create({
      holder: `volunteer:${match.volunteerId}`,
      number: 1,
      matchId,
      claimedAt: NOW,
    });
    for (const status of ['pending', 'sent']) {
      const { messageId } = await enqueueMail({
        to: `${caseRef.toLowerCase()}@example.dk`,
        template: 'followup-checkin-reminder',
        language: 'da',
        data: { name: 'Bo', childAlias: 'E.', link: 'http://localhost/x' },
        aboutMatchId: matchId,
      });
      await OutboxMessageModel.updateOne(
        { messageId },
        { $set: { status, nextAttemptAt: new Date(NOW.getTime() + DAY) } },
      );
    }
    const about = (objectType: string, objectId: string, details: object) =>
      AuditEventModel.create({
        at: new Date(NOW.getTime() - 30 * DAY),
        action: `x.${objectType}`,
        outcome: 'success',
        municipalityCode: '0849',
        objectType,
        objectId,
        details,
      });
    await about('child-request', requestId, {
      criteria: { age: 11, postcode: '9490', interests: ['fodbold'] },
    });
    await about('match', matchId, { closeReason: 'concern' });
    await about('follow-up', followUpId, { worry: true });
    await about('consent', consentId, { consenter: 'guardian' });
    return { requestId, matchId, consentId, followUpId };
  }

  /** How many records of each kind the case has left. */
  async function leftOf(c: Awaited<ReturnType<typeof caseRecords>>) {
    const ofMatch = { matchId: c.matchId };
    const audited = { objectId: trusted({ $in: [c.requestId, c.matchId, c.followUpId, c.consentId] }) };
    return {
      requests: await RequestModel.countDocuments({ _id: c.requestId }),
      matches: await MatchModel.countDocuments({ _id: c.matchId }),
      bookmarks: await BookmarkModel.countDocuments({ requestId: c.requestId }),
      consentVersions: await ConsentVersionModel.countDocuments({ consentId: c.consentId }),
      consentLinks: await ConsentLinkModel.countDocuments({ consentId: c.consentId }),
      consentAcknowledgements: await ConsentAcknowledgementModel.countDocuments(ofMatch),
      consentClaims: await ConsentClaimModel.countDocuments({ consentId: c.consentId }),
      followUps: await FollowUpModel.countDocuments(ofMatch),
      followUpPlans: await FollowUpPlanModel.countDocuments({ _id: c.matchId }),
      matchSteps: await MatchStepModel.countDocuments(ofMatch),
      matchClaims: await MatchClaimModel.countDocuments(ofMatch),
      placeSlots: await PlaceSlotModel.countDocuments(ofMatch),
      mails: await OutboxMessageModel.countDocuments({ aboutMatchId: c.matchId }),
      auditEntries: await AuditEventModel.countDocuments(audited),
      auditEntriesWithDetails: await AuditEventModel.countDocuments({
        ...audited,
        details: trusted({ $exists: true }),
      }),
    };
  }

  it('when a case goes, then everything kept about it goes with it (consents, follow-ups, steps, claims, place slots, mail, the audit details), and a younger case keeps all of its own', async () => {
    const old = await caseRecords(25, 'SAG-OLD');
    const young = await caseRecords(23, 'SAG-YOUNG');
    const youngBefore = await leftOf(young);
    assert.ok(
      Object.values(youngBefore).every((count) => count > 0),
      `every kind is seeded: ${JSON.stringify(youngBefore)}`,
    );

    const summary = await runJob(asJob('retention:test', purgeExpiredCases), { now: NOW });
    assert.equal(summary.failures, 0, summary.errorMessages.join());

    const oldAfter = await leftOf(old);
    // The audit keeps its four entries about the case for its own period, without their details.
    const expected = Object.fromEntries(
      Object.keys(oldAfter).map((kind) => [kind, kind === 'auditEntries' ? 4 : 0]),
    );
    assert.deepEqual(oldAfter, expected, `left of the old case: ${JSON.stringify(oldAfter)}`);
    const youngAfter = await leftOf(young);
    assert.deepEqual(youngAfter, youngBefore, `the young case: ${JSON.stringify(youngAfter)}`);
  });

  it('when a volunteer has not logged in for longer than the period, then they are warned once and removed 30 days later through the deletion path', async () => {
    const sleepy = await createUser({});
    await UserModel.updateOne(
      { _id: sleepy.id },
      { $set: { lastLoginAt: new Date(NOW.getTime() - 800 * DAY) } },
    );
    const lively = await createUser({});
    await UserModel.updateOne(
      { _id: lively.id },
      { $set: { lastLoginAt: new Date(NOW.getTime() - 10 * DAY) } },
    );
    const staff = await createSocialWorker();
    await UserModel.updateOne(
      { _id: staff.id },
      { $set: { lastLoginAt: new Date(NOW.getTime() - 800 * DAY) } },
    );
    const job = asJob('retention:volunteers-test', (context) =>
      handleInactiveVolunteers(context, 'https://x.dk'),
    );

    const first = await runJob(job, { now: NOW });
    assert.equal(first.failures, 0, first.errorMessages.join());
    await runJob(job, { now: new Date(NOW.getTime() + DAY) });
    assert.equal(
      await OutboxMessageModel.countDocuments({ to: sleepy.email, template: 'retention-warning' }),
      1,
    );
    assert.equal(
      await OutboxMessageModel.countDocuments({ template: 'retention-warning' }),
      1,
      'nobody else warned',
    );
    assert.equal((await UserModel.findById(sleepy.id).lean())?.status, 'active');

    await runJob(job, { now: new Date(NOW.getTime() + 31 * DAY) });
    const removed = await UserModel.findById(sleepy.id).lean();
    assert.equal(removed?.status, 'disabled');
    assert.equal(removed?.name, 'Slettet bruger');
    assert.equal((await UserModel.findById(lively.id).lean())?.status, 'active');
    assert.equal((await UserModel.findById(staff.id).lean())?.status, 'active');
    const runs = await AuditEventModel.find({ action: 'retention.volunteers' }).lean();
    assert.deepEqual(
      runs.map((entry) => [
        (entry.details as { warned: number }).warned,
        (entry.details as { removed: number }).removed,
      ]),
      [
        [1, 0],
        [0, 0],
        [0, 1],
      ],
    );
  });
});
