import assert from 'node:assert/strict';
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
