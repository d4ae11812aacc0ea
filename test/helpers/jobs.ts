import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runJob, type JobDefinition } from '../../src/shared/jobs/index.js';

/** Finds a job by name among a component's jobs. */
export function jobNamed(jobs: readonly JobDefinition[], name: string): JobDefinition {
  const job = jobs.find((candidate) => candidate.name === name);
  assert.ok(job, `a job named ${name} among ${jobs.map((candidate) => candidate.name).join(', ')}`);
  return job;
}

/**
 * Runs the job once through the job runner (claims, leases, fences), as the scheduler would at domain
 * time `now`, and answers how many items it completed. A failed item fails the test with its message.
 */
export async function itemsDone(job: JobDefinition, now = new Date()): Promise<number> {
  const summary = await runJob(job, { now });
  assert.equal(summary.failures, 0, `${job.name} failed: ${summary.errorMessages.join('; ')}`);
  return summary.items;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, or fails naming `what` (and what `describe` says) after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  describe?: () => Promise<string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${describe ? `: ${await describe()}` : ''}`);
    await sleep(200);
  }
}

/** How many mail files (the file transport's .eml) each recipient has in `dir`. */
export function mailFilesByRecipient(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(dir)) return counts;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.eml'))) {
    const to = /^To: (.+)$/m.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1]?.trim() ?? '?';
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}
