import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobClaimModel, JobRunModel } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, type TestUser } from '../../helpers/accounts.js';
import { dueCheckIn } from '../../helpers/followups.js';
import { until } from '../../helpers/jobs.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const JOB = 'followups:reminders';

describe('jobs on several instances (real app processes on one database)', function () {
  this.timeout(180_000);
  useTestDatabase();
  let mailDir: string;
  let servers: ServerProcess[] = [];

  const start = (extra: Record<string, string> = {}) =>
    startServerProcess(
      {
        NODE_ENV: 'test',
        MONGODB_URI: process.env.TEST_MONGODB_URI!,
        MAIL_DIR: mailDir,
        LOG_LEVEL: 'info',
        // Every second, and only the job under test, so ten ticks take ten seconds.
        JOB_SCHEDULE: '* * * * * *',
        JOBS_ONLY: JOB,
        ...extra,
      },
      60_000,
    );

  beforeEach(() => {
    mailDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-multi-mail-'));
  });

  afterEach(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    servers = [];
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('when three instances tick the same job ten times while work keeps arriving, then every item is done exactly once', async () => {
    const volunteers: TestUser[] = [];
    for (let i = 0; i < 30; i += 1) volunteers.push(await createUser({}));
    servers = await Promise.all([start(), start(), start()]);
    // Three new check-ins become due every second for ten seconds.
    for (let tick = 0; tick < 10; tick += 1) {
      for (let i = 0; i < 3; i += 1) await dueCheckIn(tick * 3 + i, volunteers[tick * 3 + i]);
      await sleep(1000);
    }
    await until(
      async () => (await OutboxMessageModel.countDocuments({ template: 'followup-checkin-reminder' })) >= 30,
      30_000,
      'all reminders',
    );
    // A run is recorded after its last item, so the records may trail the last mail by a few writes.
    const recordedItems = async () =>
      (await JobRunModel.find({ job: JOB }).lean()).reduce((sum, run) => sum + run.items, 0);
    // Waited for without failing here: the assertions below say what the records hold.
    await until(async () => (await recordedItems()) >= 30, 30_000, 'the runs').catch(() => undefined);
    await sleep(2500);
    for (const volunteer of volunteers) {
      assert.equal(
        await OutboxMessageModel.countDocuments({ to: volunteer.email }),
        1,
        `exactly one reminder to ${volunteer.email}`,
      );
    }
    const runs = await JobRunModel.find({ job: JOB }).lean();
    assert.equal(
      runs.reduce((sum, run) => sum + run.items, 0),
      30,
      `the recorded runs account for every item once: ${JSON.stringify(runs.map((run) => [run.items, run.failures, run.errorMessages]))}`,
    );
    assert.equal(
      runs.reduce((sum, run) => sum + run.failures, 0),
      0,
      'no item failed',
    );
    const instances = new Set(runs.map((run) => run.instanceId));
    console.log(`      ${runs.length} runs with work, on ${instances.size} instances`);
    assert.ok(instances.size >= 2, 'the work was shared between instances');
  });

  it('when the lease holder is killed mid-item, then another instance takes the item over after the lease and does it once', async () => {
    const volunteer = await createUser({});
    // A 2-second pause inside each item and a 4-second lease: the holder dies inside the item.
    const drill = { JOB_ITEM_PAUSE_MS: '2000', JOB_LEASE_SECONDS: '4' };
    servers = await Promise.all([start(drill), start(drill), start(drill)]);
    await dueCheckIn(0, volunteer);
    await until(async () => Boolean(await JobClaimModel.exists({ job: JOB, attempt: 0 })), 10_000, 'a claim');
    const claim = (await JobClaimModel.findOne({ job: JOB, attempt: 0 }).lean())!;
    const holder = servers.find((server) => claim.holder.includes(`:${server.child.pid}:`));
    assert.ok(holder, `the holder ${claim.holder} is one of the three`);
    holder.child.kill('SIGKILL');
    await holder.exited;

    await until(
      async () => (await OutboxMessageModel.countDocuments({ to: volunteer.email })) >= 1,
      20_000,
      'the reminder from another instance',
    );
    await sleep(3000);
    assert.equal(await OutboxMessageModel.countDocuments({ to: volunteer.email }), 1, 'done once');
    const claims = await JobClaimModel.find({ job: JOB }).sort({ attempt: 1 }).lean();
    assert.equal(claims[0].doneAt, undefined, 'the killed holder never finished');
    assert.equal(claims.filter((entry) => entry.doneAt).length, 1);
    assert.notEqual(claims.find((entry) => entry.doneAt)!.holder, claim.holder);
    // Taken over only after the lease ran out, by the database's clock.
    const takeover = claims.find((entry) => entry.attempt === 1)!;
    assert.ok(takeover.claimedAt.getTime() >= claim.leaseUntil.getTime());
  });
});
