import assert from 'node:assert/strict';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { BookmarkModel } from '../../../src/components/matching/bookmark-model.js';
import { MatchModel } from '../../../src/components/matching/match-model.js';
import { RequestModel } from '../../../src/components/matching/request-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import {
  CaseTallyModel,
  handleInactiveVolunteers,
  purgeExpiredCases,
} from '../../../src/components/retention/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { runJob, type JobContext, type JobDefinition } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser } from '../../helpers/accounts.js';
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
