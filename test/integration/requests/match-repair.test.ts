import assert from 'node:assert/strict';
import { trusted } from 'mongoose';
import { ConsentVersionModel } from '../../../src/components/consent/consent-model.js';
import { FollowUpModel } from '../../../src/components/followups/followup-model.js';
import { whenConsentEnded } from '../../../src/components/requests/consent-ended.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { matchRepairJobs } from '../../../src/components/requests/match-repair.js';
import { SETTLE_AFTER_MS } from '../../../src/components/requests/match-settle.js';
import { MatchStepModel } from '../../../src/components/requests/match-step-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import type { TestUser } from '../../helpers/accounts.js';
import { createConsentedMatch } from '../../helpers/consent.js';
import { createRequest } from '../../helpers/matching.js';
import { createCasePeople } from '../../helpers/people.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const repairJob = matchRepairJobs('http://localhost', whenConsentEnded)[0]!;

// A request cut off by a stop past its limit, or by a crash, leaves a claimed step behind: sometimes not
// yet applied, sometimes applied without its audit entry, follow-up plan and request status. The repair
// job completes it, once, however often it runs.
describe('the repair after a cut-off decision', function () {
  this.timeout(60_000);
  useTestDatabase();
  let sara: TestUser;
  let clubId: string;
  let bo: TestUser;
  let requestId: string;
  let matchId: string;

  beforeEach(async () => {
    await importMunicipalities();
    buildTestApp(); // wires the follow-up planning that listens to match steps
    ({ sara, clubId, bo } = await createCasePeople());
    requestId = await createRequest(sara.id);
    ({ matchId } = await createConsentedMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      workerId: sara.id,
    }));
  });

  /** The claim an activation inserts before anything else, as a process that died right after it left it. */
  async function leaveActivationClaim(claimedAt: Date) {
    const match = (await MatchModel.findById(matchId).lean())!;
    await MatchStepModel.create({
      matchId,
      step: match.steps,
      action: 'activate',
      by: sara.id,
      at: claimedAt,
      patch: {
        state: 'active',
        history: [...match.history, { state: 'active', by: sara.id, role: 'social-worker', at: claimedAt }],
      },
      states: ['active'],
      audit: {
        action: 'match.activate',
        outcome: 'success',
        actorId: sara.id,
        actorRole: 'social-worker',
        municipalityCode: '0849',
        objectType: 'match',
        objectId: matchId,
        purpose: 'casework',
        at: claimedAt,
      },
    });
  }

  const activations = () => AuditEventModel.countDocuments({ objectId: matchId, action: 'match.activate' });
  const plannedFollowUps = () => FollowUpModel.countDocuments({ matchId });

  it('when an activation was claimed but never applied, then the repair applies it with its audit entry, follow-ups and status, once', async () => {
    const claimedAt = new Date(Date.now() - SETTLE_AFTER_MS - 60_000);
    await leaveActivationClaim(claimedAt);
    assert.equal((await MatchModel.findById(matchId).lean())!.state, 'awaiting-consent');

    const first = await runJob(repairJob);
    const second = await runJob(repairJob);

    const match = (await MatchModel.findById(matchId).lean())!;
    assert.equal(match.state, 'active');
    assert.equal(await activations(), 1, 'one audit entry, however often the repair runs');
    assert.ok((await plannedFollowUps()) > 0, `follow-ups planned: ${await plannedFollowUps()}`);
    assert.equal((await RequestModel.findById(requestId).lean())!.status, 'matched');
    assert.equal((await MatchStepModel.findOne({ matchId, step: 0 }).lean())!.settled, true);
    assert.deepEqual([first.items, second.items], [1, 0], 'the second run finds nothing left to do');
  });

  it('when an activation was applied but its request stopped before the rest, then the repair adds only what was missing', async () => {
    const claimedAt = new Date(Date.now() - SETTLE_AFTER_MS - 60_000);
    await leaveActivationClaim(claimedAt);
    const step = (await MatchStepModel.findOne({ matchId }).lean())!;
    await MatchModel.updateOne({ _id: matchId }, { $set: { ...(step.patch as object), steps: 1 } });
    assert.equal(await activations(), 0);

    await runJob(repairJob);

    assert.equal(await activations(), 1);
    assert.ok((await plannedFollowUps()) > 0);
    assert.equal((await MatchModel.findById(matchId).lean())!.steps, 1, 'applied once, not twice');
  });

  it('when a step is younger than the request may still need, then the repair leaves it to that request', async () => {
    await leaveActivationClaim(new Date());
    await runJob(repairJob);
    assert.equal((await MatchModel.findById(matchId).lean())!.state, 'awaiting-consent');
    assert.equal(await activations(), 0);
  });

  it('when a match is active while the family has withdrawn (the withdrawal was cut off), then the repair pauses it and tells the people', async () => {
    await MatchModel.updateOne({ _id: matchId }, { $set: { state: 'active' } });
    const consent = (await ConsentVersionModel.findOne({ matchId }).lean())!;
    const { _id: _ignored, ...first } = consent;
    await ConsentVersionModel.create({
      ...first,
      version: 2,
      withdrawal: { at: new Date(), by: 'family', how: 'link' },
    });

    await runJob(repairJob);
    await runJob(repairJob);

    assert.equal((await MatchModel.findById(matchId).lean())!.state, 'paused');
    assert.equal(
      await AuditEventModel.countDocuments({ objectId: matchId, action: 'match.consent-ended' }),
      1,
    );
    const told = await OutboxMessageModel.countDocuments({
      template: trusted({ $in: ['consent-paused', 'consent-withdrawn'] }),
    });
    assert.equal(told, 3, `the coordinator, the volunteer and the social worker are told once each: ${told}`);
  });

  it('when an active match has complete consent, then the repair leaves it alone', async () => {
    await MatchModel.updateOne({ _id: matchId }, { $set: { state: 'active' } });
    await runJob(repairJob);
    assert.equal((await MatchModel.findById(matchId).lean())!.state, 'active');
  });
});
