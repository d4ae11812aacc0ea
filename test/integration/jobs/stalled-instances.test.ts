import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConsentClaimModel } from '../../../src/components/consent/consent-model.js';
import { JobClaimModel, JobRunModel } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, type TestUser } from '../../helpers/accounts.js';
import { storeConsent } from '../../helpers/consent.js';
import { dueCheckIn } from '../../helpers/followups.js';
import { mailFilesByRecipient, until } from '../../helpers/jobs.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
// A one-second pause after each claim and a three-second lease: a stall or a kill lands inside an item.
const DRILL = { JOB_ITEM_PAUSE_MS: '1000', JOB_LEASE_SECONDS: '3' };

interface Claim {
  key: string;
  attempt: number;
  holder: string;
  leaseUntil: Date;
}

/** How many outbox messages each of `recipients` has, as "address=count" for assertion messages. */
async function outboxCounts(recipients: string[], template: string): Promise<Map<string, number>> {
  const counts = new Map(recipients.map((to) => [to, 0]));
  for (const message of await OutboxMessageModel.find({ template }).lean())
    counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}

const show = (counts: Map<string, number>) =>
  [...counts].map(([to, count]) => `${to.split('@')[0]}=${count}`).join(' ');

describe('jobs when an instance stalls or dies (real app processes on one database)', function () {
  this.timeout(240_000);
  useTestDatabase();
  let mailDir: string;
  let servers: ServerProcess[] = [];

  const start = (jobs: string) =>
    startServerProcess(
      {
        NODE_ENV: 'test',
        MONGODB_URI: process.env.TEST_MONGODB_URI!,
        MAIL_DIR: mailDir,
        LOG_LEVEL: 'info',
        JOB_SCHEDULE: '* * * * * *',
        // The outbox worker too: a mail queued by an instance that then died is delivered by another.
        JOBS_ONLY: `${jobs},mail:deliver`,
        ...DRILL,
      },
      60_000,
    );

  const holderOf = (claim: { holder: string }) =>
    servers.find((server) => claim.holder.includes(`:${server.child.pid}:`));

  /** The first claim any instance takes on `job`, and the process that holds it. */
  async function firstClaim(job: string): Promise<{ claim: Claim; holder: ServerProcess }> {
    let claim: Claim | null = null;
    await until(
      async () => Boolean((claim = await JobClaimModel.findOne({ job, attempt: 0 }).lean())),
      60_000,
      `a claim on ${job}`,
    );
    const holder = holderOf(claim!);
    assert.ok(holder, `the holder ${claim!.holder} is one of the instances`);
    return { claim: claim!, holder };
  }

  const allDelivered = async () => (await OutboxMessageModel.countDocuments({ status: 'pending' })) === 0;

  beforeEach(() => {
    mailDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-stall-mail-'));
  });

  afterEach(async () => {
    for (const server of servers) {
      server.child.kill('SIGCONT');
      server.child.kill('SIGKILL');
    }
    await Promise.all(servers.map((server) => server.exited));
    servers = [];
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('when the holder is stopped (SIGSTOP) past its lease and continued after another instance took its item over, then every reminder is sent once and the holder abandons its item', async () => {
    const job = 'followups:reminders';
    const volunteers: TestUser[] = [];
    for (let i = 0; i < 10; i += 1) volunteers.push(await createUser({}));
    const emails = volunteers.map((volunteer) => volunteer.email);
    servers = await Promise.all([start(job), start(job)]);
    for (const [index, volunteer] of volunteers.entries()) await dueCheckIn(index, volunteer);

    const { holder } = await firstClaim(job);
    holder.child.kill('SIGSTOP');
    const pid = holder.child.pid;
    const stalledClaims = (await JobClaimModel.find({ job }).lean()).filter(
      (claim) => claim.holder.includes(`:${pid}:`) && !claim.doneAt,
    );
    assert.ok(
      stalledClaims.length >= 1,
      `the stopped holder holds an unfinished item: ${stalledClaims.length}`,
    );

    const counts = () => outboxCounts(emails, 'followup-checkin-reminder');
    await until(
      async () => [...(await counts()).values()].every((count) => count >= 1),
      60_000,
      'a reminder to every volunteer while the holder is stopped',
      async () => show(await counts()),
    );
    // Every item the stopped holder had is done by someone else (after its lease, by the database's clock).
    const takenOver = async () => {
      const claims = await JobClaimModel.find({ job }).lean();
      return stalledClaims.every((stalled) =>
        claims.some(
          (claim) =>
            claim.key === stalled.key &&
            claim.attempt > stalled.attempt &&
            claim.doneAt &&
            claim.claimedAt.getTime() >= stalled.leaseUntil.getTime(),
        ),
      );
    };
    await until(takenOver, 30_000, 'the stalled items taken over and done');

    holder.child.kill('SIGCONT');
    // The holder's run ends and is recorded (it has something to report: the items it left).
    const holderRuns = async () =>
      (await JobRunModel.find({ job }).lean()).filter((run) => run.instanceId.includes(`:${pid}:`));
    await until(
      async () => (await holderRuns()).some((run) => (run.abandoned ?? 0) > 0 || run.items > 0),
      30_000,
      'the continued holder to record its run',
      async () => JSON.stringify(await holderRuns()),
    );
    await until(allDelivered, 30_000, 'every queued mail delivered');

    const finalCounts = await counts();
    const files = mailFilesByRecipient(mailDir);
    const fileCounts = new Map(emails.map((to) => [to, files.get(to) ?? 0]));
    assert.ok(
      [...finalCounts.values()].every((count) => count === 1),
      `exactly one reminder per volunteer in the outbox: ${show(finalCounts)}`,
    );
    assert.ok(
      [...fileCounts.values()].every((count) => count === 1),
      `exactly one mail per volunteer delivered: ${show(fileCounts)}`,
    );
    const abandoned = (await holderRuns()).reduce((sum, run) => sum + (run.abandoned ?? 0), 0);
    assert.equal(
      abandoned,
      stalledClaims.length,
      `the holder abandoned the ${stalledClaims.length} item(s) it held when stopped: ${abandoned}`,
    );
    const stale = await Promise.all(stalledClaims.map((claim) => JobClaimModel.findById(claim._id).lean()));
    assert.ok(
      stale.every((claim) => claim && !claim.doneAt),
      `the holder did not mark its lost items done: ${stale.map((claim) => String(Boolean(claim?.doneAt)))}`,
    );
  });

  it('when the holder is killed (SIGKILL) between claiming a consent-expiry reminder and mailing it, then another instance sends that reminder, and every reminder goes out exactly once', async () => {
    const job = 'consent:remind-expiring';
    const organisationId = await createOrganisation({ name: 'Nordstrand IF' });
    const volunteer = await createUser({});
    const workers: TestUser[] = [];
    for (let i = 0; i < 4; i += 1) {
      const worker = await createSocialWorker('0849', `Rådgiver ${i}`);
      const requestId = await createRequest(worker.id);
      const matchId = await createMatch({
        requestId,
        organisationId,
        volunteerId: volunteer.id,
        proposedBy: worker.id,
        state: 'active',
      });
      await storeConsent({
        requestId,
        matchId,
        organisationId,
        volunteerId: volunteer.id,
        recordedBy: worker.id,
        validUntil: new Date(Date.now() + 10 * DAY),
      });
      workers.push(worker);
    }
    const emails = workers.map((worker) => worker.email);
    servers = await Promise.all([start(job), start(job)]);

    const { claim: killed, holder } = await firstClaim(job);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const mailedBeforeKill = await OutboxMessageModel.countDocuments({ template: 'consent-expiring' });

    const counts = () => outboxCounts(emails, 'consent-expiring');
    const everyItemDone = async () => {
      const claims = await JobClaimModel.find({ job }).lean();
      const keys = new Set(claims.map((claim) => claim.key));
      return (
        keys.size === workers.length &&
        [...keys].every((key) => claims.some((claim) => claim.key === key && claim.doneAt))
      );
    };
    await until(
      async () => (await everyItemDone()) && (await ConsentClaimModel.countDocuments()) === workers.length,
      60_000,
      'every reminder item done and recorded',
      async () => `${show(await counts())}, recorded ${await ConsentClaimModel.countDocuments()}`,
    );
    await until(allDelivered, 30_000, 'every queued mail delivered');

    const finalCounts = await counts();
    assert.ok(
      [...finalCounts.values()].every((count) => count === 1),
      `exactly one reminder per social worker in the outbox (${mailedBeforeKill} queued before the kill): ${show(finalCounts)}`,
    );
    const files = mailFilesByRecipient(mailDir);
    const fileCounts = new Map(emails.map((to) => [to, files.get(to) ?? 0]));
    assert.ok(
      [...fileCounts.values()].every((count) => count === 1),
      `exactly one mail per social worker delivered: ${show(fileCounts)}`,
    );
    const attempts = await JobClaimModel.find({ job, key: killed.key }).sort({ attempt: 1 }).lean();
    assert.equal(attempts[0]!.doneAt, undefined, 'the killed holder never finished its item');
    const finisher = attempts.find((claim) => claim.doneAt);
    assert.ok(
      finisher && !finisher.holder.includes(`:${holder.child.pid}:`),
      `another instance finished it: ${attempts.map((claim) => `${claim.attempt}:${claim.holder}:${Boolean(claim.doneAt)}`)}`,
    );
    assert.ok(
      finisher.claimedAt.getTime() >= killed.leaseUntil.getTime(),
      'taken over only after the lease ran out, by the database clock',
    );
  });
});
