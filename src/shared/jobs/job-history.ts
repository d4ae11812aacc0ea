import { trusted } from 'mongoose';
import type { JobDefinition } from './job-definition.js';
import { JobClaimModel, JobRunModel, JobStatusModel } from './job-model.js';

/** The latest recorded runs of one job, newest first, for the jobs page. */
export function lastRunsOf(job: string, limit = 5) {
  return JobRunModel.find({ job }).sort({ startedAt: -1 }).limit(limit).lean();
}

/** Every job's latest run, by job name. */
export async function jobStatuses() {
  const statuses = await JobStatusModel.find().lean();
  return new Map(statuses.map((status) => [status._id, status]));
}

const DAY = 86_400_000;
// Claims outlive every window a job looks back over (the longest is a month), so nothing runs twice.
const CLAIM_DAYS = 120;
const RUN_DAYS = 90;

/** Removes job runs and claims old enough that no job window reaches them. Returns how many. */
async function deleteOldJobRecords(now: Date): Promise<number> {
  const claims = await JobClaimModel.deleteMany({
    claimedAt: trusted({ $lt: new Date(now.getTime() - CLAIM_DAYS * DAY) }),
  });
  const runs = await JobRunModel.deleteMany({
    startedAt: trusted({ $lt: new Date(now.getTime() - RUN_DAYS * DAY) }),
  });
  return claims.deletedCount + runs.deletedCount;
}

export const jobHousekeeping: JobDefinition[] = [
  {
    name: 'jobs:delete-old-records',
    schedule: '37 3 * * *',
    run: (context) => deleteOldJobRecords(context?.now ?? new Date()),
  },
];
