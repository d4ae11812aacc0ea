import assert from 'node:assert/strict';
import type { Express } from 'express';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import {
  claimItem,
  completeClaim,
  configureJobRuntime,
  heldItem,
  holdsClaim,
  JobClaimModel,
  JobRunModel,
  JobStatusModel,
  LeaseLostError,
  releaseClaim,
  runJob,
  type JobDefinition,
} from '../../../src/shared/jobs/index.js';
import { createUser, csrfFrom, loginAs } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job over fixed items that notes every item it works on, so tests can count the work done. */
function countingJob(items: string[], worked: string[], extra: Partial<JobDefinition> = {}): JobDefinition {
  return {
    name: 'test:counting',
    schedule: '* * * * *',
    everyInstance: true,
    run: async (context) => {
      await context!.eachItem(
        items,
        (item) => item,
        async (item) => {
          worked.push(item);
        },
      );
    },
    ...extra,
  };
}

describe('jobs: claims, leases, runs and the jobs page', function () {
  this.timeout(30_000);
  useTestDatabase();
  afterEach(() => configureJobRuntime({ leaseMs: 5 * 60_000, itemPauseMs: 0 }));

  it('when an item is claimed, then nobody else gets it until its lease runs out, and then exactly one does', async () => {
    const first = await claimItem('test:job', 'item-1', 'instance-a', 600);
    assert.ok(first);
    assert.equal(await claimItem('test:job', 'item-1', 'instance-b', 600), null, 'held by a');
    await sleep(800);
    // Both see the expired lease; the unique insert of the next attempt lets only one through.
    const takers = await Promise.all([
      claimItem('test:job', 'item-1', 'instance-b', 60_000),
      claimItem('test:job', 'item-1', 'instance-c', 60_000),
    ]);
    assert.equal(takers.filter(Boolean).length, 1);
    await completeClaim(takers.find(Boolean)!);
    await sleep(700);
    assert.equal(await claimItem('test:job', 'item-1', 'instance-d', 600), null, 'done stays done');
  });

  it('when a job runs twice for the same items, then each item is worked once and both runs are recorded', async () => {
    const worked: string[] = [];
    const job = countingJob(['a', 'b', 'c'], worked);
    const first = await runJob(job, { trigger: 'manual', now: new Date('2026-03-01T08:00:00Z') });
    const second = await runJob(job, { trigger: 'manual' });
    assert.deepEqual(worked, ['a', 'b', 'c']);
    assert.equal(first.items, 3);
    assert.equal(second.items, 0);
    const runs = await JobRunModel.find({ job: 'test:counting' }).sort({ startedAt: 1 }).lean();
    assert.deepEqual(
      runs.map((run) => [run.trigger, run.items, run.failures]),
      [
        ['manual', 3, 0],
        ['manual', 0, 0],
      ],
    );
    assert.ok(runs[0].finishedAt && runs[0].instanceId);
    assert.ok(await JobStatusModel.findById('test:counting').lean());
  });

  it('when an item fails, then the run counts the failure and the next run retries that item', async () => {
    let fail = true;
    const worked: string[] = [];
    const job: JobDefinition = {
      name: 'test:flaky',
      schedule: '* * * * *',
      run: async (context) => {
        await context!.eachItem(
          ['x'],
          (item) => item,
          async (item) => {
            if (fail) throw new Error('mail server down');
            worked.push(item);
          },
        );
      },
    };
    const first = await runJob(job);
    assert.equal(first.failures, 1);
    assert.deepEqual(first.errorMessages, ['mail server down']);
    fail = false;
    assert.equal((await runJob(job)).items, 1);
    assert.deepEqual(worked, ['x']);
  });

  it('when the run is stopped (SIGTERM), then the item in its pause is handed back and another run finishes it', async () => {
    configureJobRuntime({ itemPauseMs: 2000 });
    const worked: string[] = [];
    const job = countingJob(['a', 'b'], worked);
    const stop = new AbortController();
    const stopped = runJob(job, { signal: stop.signal });
    await sleep(300);
    stop.abort();
    const summary = await stopped;
    assert.equal(summary.interrupted, true);
    assert.deepEqual(worked, []);
    configureJobRuntime({ itemPauseMs: 0 });
    assert.equal((await runJob(job)).items, 2, 'the released item and the unstarted one are taken at once');
    assert.deepEqual(worked, ['a', 'b']);
  });

  it('when two instances get the same scheduled tick of a housekeeping job, then only one runs it', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'test:housekeeping',
      schedule: '* * * * *',
      run: async () => {
        runs += 1;
        return 4;
      },
    };
    const tick = new Date('2026-03-01T03:00:00Z');
    const results = await Promise.all([runJob(job, { tick }), runJob(job, { tick })]);
    assert.equal(runs, 1);
    assert.deepEqual(results.map((result) => result.ran).sort(), [false, true]);
    assert.equal(results.find((result) => result.ran)!.items, 4, 'a returned number counts as items');
  });

  describe("the fence around an item's effects", () => {
    it("when the lease runs out or the item is taken over, then the old holder's fence refuses the effect and its token moves nothing", async () => {
      const first = (await claimItem('test:fence', 'item-1', 'instance-a', 500))!;
      const effects: string[] = [];
      const held = heldItem(first);
      assert.equal(await held.stillMine(), true, 'inside the lease');
      await held.fenced(async () => effects.push('in time'));
      await sleep(700);
      assert.equal(await held.stillMine(), false, 'the lease ran out, though nobody took it yet');
      await assert.rejects(
        held.fenced(async () => effects.push('late')),
        LeaseLostError,
      );
      const second = (await claimItem('test:fence', 'item-1', 'instance-b', 60_000))!;
      assert.equal(second.attempt, 1);
      assert.equal(await holdsClaim(second), true, 'the new holder holds it');
      // The old holder finishing or letting go changes nothing for the new one.
      await completeClaim(first);
      await releaseClaim(first);
      assert.equal(await holdsClaim(second), true, "still the new holder's");
      assert.equal(
        await holdsClaim({ ...second, token: first.token }),
        false,
        'another token is not the holder',
      );
      await assert.rejects(
        heldItem(first).fenced(async () => effects.push('after takeover')),
        LeaseLostError,
      );
      assert.deepEqual(effects, ['in time']);
      assert.equal(
        heldItem(second).effectKey('mail|u1'),
        'test:fence|item-1|mail|u1',
        'the same in every attempt',
      );
      assert.equal(heldItem(first).effectKey('mail|u1'), heldItem(second).effectKey('mail|u1'));
    });

    it("when an item's work outlives its lease, then its next effect is refused, the run abandons the item (not done, not failed), and a later run does it once", async () => {
      configureJobRuntime({ leaseMs: 400 });
      const effects: string[] = [];
      let slow = true;
      const job: JobDefinition = {
        name: 'test:slow',
        schedule: '* * * * *',
        everyInstance: true,
        run: async (context) => {
          await context!.eachItem(
            ['x'],
            (item) => item,
            async (item, held) => {
              if (slow) await sleep(700);
              await held.fenced(async () => effects.push(item));
            },
          );
        },
      };
      const stalled = await runJob(job);
      assert.deepEqual(
        [stalled.items, stalled.failures, stalled.abandoned, effects.length],
        [0, 0, 1, 0],
        `items, failures, abandoned, effects: ${[stalled.items, stalled.failures, stalled.abandoned, effects.length]}`,
      );
      const [record] = await JobRunModel.find({ job: 'test:slow' }).lean();
      assert.equal(record?.abandoned, 1, 'the run record says an item was left');
      const claim = await JobClaimModel.findById('test:slow|x|0').lean();
      assert.equal(claim?.doneAt, undefined, 'the abandoned item is not marked done');
      assert.equal(claim?.releasedAt, undefined, 'nor handed back by a holder that no longer holds it');
      slow = false;
      configureJobRuntime({ leaseMs: 60_000 });
      assert.equal((await runJob(job)).items, 1, 'taken over once the lease has run out');
      assert.equal((await runJob(job)).items, 0);
      assert.deepEqual(effects, ['x']);
    });

    it('when a holder stalls past its lease before the work starts, then the work never starts', async () => {
      configureJobRuntime({ leaseMs: 300, itemPauseMs: 600 });
      const worked: string[] = [];
      const summary = await runJob(countingJob(['a'], worked));
      assert.deepEqual([summary.items, summary.abandoned, worked.length], [0, 1, 0]);
    });
  });

  it('when many instances finish the same job at once, then every run is recorded and the job keeps one status', async () => {
    for (let round = 0; round < 4; round += 1) {
      const job: JobDefinition = {
        name: `test:status-${round}`,
        schedule: '* * * * *',
        run: async () => 1,
      };
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => runJob(job)));
      const rejected = results.filter((result) => result.status === 'rejected');
      assert.equal(
        rejected.length,
        0,
        `round ${round}: ${rejected.length} of 8 runs threw: ${rejected.map((r) => String((r as PromiseRejectedResult).reason?.message)).join('; ')}`,
      );
      const recorded = await JobRunModel.countDocuments({ job: job.name });
      assert.equal(recorded, 8, `round ${round}: ${recorded} of 8 runs recorded`);
      assert.equal(await JobStatusModel.countDocuments({ _id: job.name }), 1);
    }
  });

  describe('the jobs page', () => {
    let app: Express;
    beforeEach(() => {
      app = buildTestApp();
    });

    it('when a platform administrator opens it, then every job is listed, and "run now" runs one and audits it', async () => {
      const admin = await createUser({ roles: [{ role: 'platform-admin' }], totp: true });
      const agent = await loginAs(app, admin);
      const page = await agent.get('/platform/jobs');
      assert.equal(page.status, 200);
      for (const name of ['mail:deliver', 'sessions:delete-expired', 'matching:proposal-reminders'])
        assert.match(page.text, new RegExp(name));
      assert.match((await agent.get('/platform/kommuner')).text, /href="\/platform\/jobs"/);
      const run = await agent
        .post('/platform/jobs/sessions:delete-expired/koer')
        .type('form')
        .send({ _csrf: csrfFrom(page.text) });
      assert.equal(run.status, 303);
      for (let i = 0; i < 50 && !(await JobRunModel.exists({ job: 'sessions:delete-expired' })); i += 1)
        await sleep(50);
      const recorded = await JobRunModel.findOne({ job: 'sessions:delete-expired' }).lean();
      assert.equal(recorded?.trigger, 'manual');
      assert.equal(await AuditEventModel.countDocuments({ action: 'job.run-now' }), 1);
      const unknown = await agent
        .post('/platform/jobs/nope/koer')
        .type('form')
        .send({ _csrf: csrfFrom(page.text) });
      assert.equal(unknown.status, 404);
    });

    it('when a municipal administrator asks for it, then it does not exist for them', async () => {
      const admin = await createUser({
        roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
        totp: true,
      });
      const agent = await loginAs(app, admin);
      assert.equal((await agent.get('/platform/jobs')).status, 404);
    });
  });
});
