import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isDuplicateKeyError } from '../db/index.js';
import { claimItem, completeClaim, releaseClaim } from './job-claims.js';
import type { JobContext, JobDefinition, JobRunSummary, JobTrigger } from './job-definition.js';
import { heldItem, LeaseLostError } from './item-fence.js';
import { JobRunModel, JobStatusModel } from './job-model.js';

export interface JobRuntimeSettings {
  /** How long a claimed item is an instance's before others may take it over. */
  leaseMs: number;
  /** A pause after claiming each item, for failover drills; 0 in normal use. */
  itemPauseMs: number;
}

const runtime: JobRuntimeSettings = { leaseMs: 5 * 60_000, itemPauseMs: 0 };

/** Which process this is, in the job runs the administrators see. */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function configureJobRuntime(settings: Partial<JobRuntimeSettings>): void {
  Object.assign(runtime, settings);
}

const MAX_MESSAGES = 5;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface RunOptions {
  trigger?: JobTrigger;
  /** The domain time of the run; the real time unless a test injects one. */
  now?: Date;
  signal?: AbortSignal;
  /** The scheduled time of a tick: a job that is not `everyInstance` runs each tick on one instance only. */
  tick?: Date;
}

/** Runs one job once, here and now, recording the run (start, end, items, failures, instance). */
export async function runJob(job: JobDefinition, options: RunOptions = {}): Promise<JobRunSummary> {
  const trigger = options.trigger ?? 'manual';
  const signal = options.signal ?? new AbortController().signal;
  const summary: JobRunSummary = {
    job: job.name,
    items: 0,
    failures: 0,
    errorMessages: [],
    interrupted: false,
    abandoned: 0,
    ran: true,
  };
  const failed = (error: unknown) => {
    summary.failures += 1;
    if (summary.errorMessages.length < MAX_MESSAGES)
      summary.errorMessages.push(String((error as Error)?.message ?? error).slice(0, 300));
  };

  const tickClaim =
    options.tick && !job.everyInstance
      ? await claimItem(job.name, `tick:${options.tick.toISOString()}`, INSTANCE_ID, runtime.leaseMs)
      : undefined;
  if (tickClaim === null) return { ...summary, ran: false };

  const startedAt = new Date();

  const context: JobContext = {
    now: options.now ?? new Date(),
    instanceId: INSTANCE_ID,
    trigger,
    signal,
    async eachItem(items, keyOf, work) {
      let done = 0;
      for (const item of items) {
        if (signal.aborted) {
          summary.interrupted = true;
          break;
        }
        const claim = await claimItem(job.name, keyOf(item), INSTANCE_ID, runtime.leaseMs);
        if (!claim) continue;
        if (runtime.itemPauseMs > 0) await pause(runtime.itemPauseMs, signal);
        if (signal.aborted) {
          summary.interrupted = true;
          await releaseClaim(claim);
          break;
        }
        const held = heldItem(claim);
        try {
          // A holder that stalled past its lease (e.g. in the pause above) must not start the work.
          await held.fenced(() => work(item, held));
        } catch (error) {
          if (error instanceof LeaseLostError) {
            summary.abandoned += 1;
            continue;
          }
          failed(error);
          await releaseClaim(claim);
          continue;
        }
        await completeClaim(claim);
        done += 1;
        summary.items += 1;
      }
      return done;
    },
  };

  try {
    const result = await job.run(context);
    if (typeof result === 'number' && summary.items === 0) summary.items = result;
  } catch (error) {
    failed(error);
  }
  await recordRun(job.name, trigger, startedAt, summary);
  if (tickClaim) await completeClaim(tickClaim);
  return summary;
}

/**
 * A run that did something, failed, or was asked for is kept; every run then updates the job's status.
 * The run record comes first: it is an insert of its own and cannot collide, so nothing that happens to
 * the shared status document can cost the record of a run.
 */
async function recordRun(job: string, trigger: JobTrigger, startedAt: Date, summary: JobRunSummary) {
  const finishedAt = new Date();
  const outcome = { items: summary.items, failures: summary.failures };
  const worthKeeping =
    trigger !== 'schedule' ||
    summary.items > 0 ||
    summary.failures > 0 ||
    summary.interrupted ||
    summary.abandoned > 0;
  if (worthKeeping) {
    await JobRunModel.create({
      job,
      instanceId: INSTANCE_ID,
      trigger,
      startedAt,
      finishedAt,
      ...outcome,
      errorMessages: summary.errorMessages,
      interrupted: summary.interrupted,
      abandoned: summary.abandoned,
    });
  }
  await writeStatus(job, { startedAt, finishedAt, instanceId: INSTANCE_ID, ...outcome });
}

const STATUS_TRIES = 3;

/**
 * Upserts the job's status. Two instances finishing together may both find no document and both insert:
 * on FerretDB the later insert fails with a duplicate key. The document exists by then, so the same
 * upsert again is an update (the status is "the latest run", so whichever write lands last is right).
 */
async function writeStatus(job: string, fields: Record<string, unknown>): Promise<void> {
  for (let tried = 1; ; tried += 1) {
    try {
      await JobStatusModel.updateOne({ _id: job }, { $set: fields }, { upsert: true });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error) || tried >= STATUS_TRIES) throw error;
    }
  }
}
