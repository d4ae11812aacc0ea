import assert from 'node:assert/strict';
import { copenhagenDate, FollowUpModel } from '../../../src/components/followups/index.js';
import { followUpJobs } from '../../../src/components/followups/followups-jobs.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const plan = followUpJobs('https://brobygning.test').find((job) => job.name === 'followups:plan')!;

/** Follow-ups stored before the child gate, with the alias copied in (written past the schema, as they are). */
async function storeOldFollowUps(count: number): Promise<void> {
  const dueOn = copenhagenDate(new Date());
  await FollowUpModel.collection.insertMany(
    Array.from({ length: count }, (_, index) => {
      const matchId = (index + 1).toString(16).padStart(24, 'b');
      return {
        _id: `${matchId}:volunteer:regular:1` as never,
        matchId,
        requestId: matchId,
        municipalityCode: '0849',
        organisationId: matchId,
        volunteerId: matchId,
        childAlias: `Gammel${index}`,
        audience: 'volunteer',
        kind: 'regular',
        sequence: 1,
        dueOn,
        state: 'open',
      };
    }),
  );
}

const withAlias = () => FollowUpModel.collection.countDocuments({ childAlias: { $exists: true } });

describe('follow-ups: the alias older follow-ups carried is removed by the daily plan job', function () {
  this.timeout(30_000);
  useTestDatabase();

  it('when the plan job runs, then no stored follow-up keeps the alias, and running it again changes nothing', async () => {
    await storeOldFollowUps(3);
    assert.equal(await withAlias(), 3, 'the old follow-ups carry the alias before the run');
    await runJob(plan, { now: new Date() });
    assert.equal(await withAlias(), 0, `${await withAlias()} follow-ups still carry the alias`);
    const kept = await FollowUpModel.find({}).lean();
    assert.equal(
      kept.length,
      3,
      `${kept.length} follow-ups are left; the step removes a field, never a follow-up`,
    );
    assert.ok(kept.every((followUp) => followUp.state === 'open' && followUp.audience === 'volunteer'));
    await runJob(plan, { now: new Date() });
    assert.equal(await withAlias(), 0);
    assert.equal(await FollowUpModel.countDocuments(), 3);
  });
});
