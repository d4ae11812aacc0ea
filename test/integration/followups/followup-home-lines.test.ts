import assert from 'node:assert/strict';
import { copenhagenDate, FollowUpModel } from '../../../src/components/followups/index.js';
import { followUpJobs } from '../../../src/components/followups/followups-jobs.js';
import { runJob, type JobDefinition } from '../../../src/shared/jobs/index.js';
import { loginAs, submitForm, type Agent } from '../../helpers/accounts.js';
import { followUpCase } from '../../helpers/followups.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
const planJob = followUpJobs('https://brobygning.test').find((job) => job.name === 'followups:plan')!;
const ANSWERS = { meetings: '3', goes: '4', wellbeing: '4', worry: 'no', wishContinue: 'yes' };

/** The count on the volunteer's home line that leads to their check-ins, or 0 when there is no such line. */
async function waitingOnHome(volunteer: Agent): Promise<number> {
  const home = await volunteer.get('/overblik');
  assert.equal(home.status, 200);
  const line = /<a href="\/frivillig\/opfoelgning"><span class="home-item__count">(\d+)<\/span>/.exec(
    home.text,
  );
  return line ? Number(line[1]) : 0;
}

describe('follow-ups on the homes: one bounded read of what is open, for every home', function () {
  this.timeout(60_000);
  useTestDatabase();

  it("when another instance writes check-ins, then the home keeps its snapshot within the bound; this instance's answer shows at once", async () => {
    const c = await followUpCase(
      'active',
      new Date(`${copenhagenDate(new Date(Date.now() - 20 * DAY))}T11:00:00Z`),
    );
    await runJob(planJob as JobDefinition, { now: new Date() });
    const app = buildTestApp();
    const volunteer = await loginAs(app, c.bo);
    assert.equal(await waitingOnHome(volunteer), 1, 'the first check-in is waiting');
    const first = await FollowUpModel.findOne({
      matchId: c.matchId,
      audience: 'volunteer',
      state: 'open',
    }).lean();

    // Written straight to the database, as another instance would: nothing is announced here.
    for (const sequence of [98, 99])
      await FollowUpModel.create({
        ...first,
        _id: `${c.matchId}:volunteer:regular:${sequence}`,
        sequence,
        dueOn: copenhagenDate(new Date()),
      });
    assert.equal(await waitingOnHome(volunteer), 1, 'the home reads its snapshot, not the collection');

    // Answered here: the next home waits for a read that sees it, and with it the other instance's writes.
    const formPath = `/frivillig/opfoelgning/${first!._id}`;
    assert.equal((await submitForm(volunteer, formPath, formPath, ANSWERS)).status, 303);
    assert.equal(await waitingOnHome(volunteer), 2);
  });
});
