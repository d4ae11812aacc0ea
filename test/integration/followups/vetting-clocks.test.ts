import assert from 'node:assert/strict';
import { FollowUpPlanModel } from '../../../src/components/followups/index.js';
import { followUpJobs } from '../../../src/components/followups/followups-jobs.js';
import { vettingJobs } from '../../../src/components/vetting/index.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { followUpCase } from '../../helpers/followups.js';
import { itemsDone, jobNamed } from '../../helpers/jobs.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createVettedMember } from '../../helpers/vetting.js';

const DAY = 86_400_000;
const expiryJob = jobNamed(vettingJobs('https://x.dk'), 'vetting:expiry-reminders');
const remindExpiringVetting = (now: Date) => itemsDone(expiryJob, now);

describe('vetting clocks', function () {
  this.timeout(30_000);
  useTestDatabase();

  it('when a certificate ends in 60 and in 14 days, then volunteer and coordinator are told once each; once it has ended, the live match is flagged to the social worker once', async () => {
    buildTestApp();
    const start = new Date('2026-03-02T09:00:00Z');
    const c = await followUpCase('active', start);
    // Valid for 30 more days from the start.
    await createVettedMember(c.organisationId, { state: 'expiring', user: c.bo, now: start });
    const mails = (to: string, template: string) => OutboxMessageModel.countDocuments({ to, template });

    assert.equal(await remindExpiringVetting(start), 1, 'inside 60 days');
    assert.equal(await remindExpiringVetting(new Date(start.getTime() + DAY)), 0, 'once');
    assert.equal(await remindExpiringVetting(new Date(start.getTime() + 17 * DAY)), 1, 'inside 14');
    assert.equal(await remindExpiringVetting(new Date(start.getTime() + 18 * DAY)), 0);
    assert.equal(await mails(c.bo.email, 'vetting-expiry-reminder'), 2);
    assert.equal(await mails(c.karin.email, 'vetting-expiry-coordinator'), 2);

    const jobs = new Map(followUpJobs('https://x.dk').map((job) => [job.name, job]));
    await runJob(jobs.get('followups:plan')!, { now: start });
    const beforeEnd = await runJob(jobs.get('followups:vetting-expired')!, {
      now: new Date(start.getTime() + 29 * DAY),
    });
    assert.equal(beforeEnd.items, 0);
    const afterEnd = new Date(start.getTime() + 31 * DAY);
    assert.equal((await runJob(jobs.get('followups:vetting-expired')!, { now: afterEnd })).items, 1);
    assert.equal((await runJob(jobs.get('followups:vetting-expired')!, { now: afterEnd })).items, 0);
    assert.ok((await FollowUpPlanModel.findById(c.matchId).lean())?.vettingExpiredAt);
    assert.equal(await mails(c.sara.email, 'followup-vetting-expired'), 1);
  });
});
