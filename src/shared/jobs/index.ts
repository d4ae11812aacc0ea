export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
export {
  jobCatalogSeam,
  jobCatalog,
  type JobContext,
  type JobDefinition,
  type JobRunSummary,
  type JobTrigger,
} from './job-definition.js';
export { runJob, configureJobRuntime, INSTANCE_ID, type RunOptions } from './job-runner.js';
export {
  claimItem,
  completeClaim,
  releaseClaim,
  holdsClaim,
  isItemDone,
  type ItemClaim,
} from './job-claims.js';
export { heldItem, LeaseLostError, type HeldItem } from './item-fence.js';
export { JobClaimModel, JobRunModel, JobStatusModel } from './job-model.js';
export { lastRunsOf, jobStatuses, deleteOldJobRecords, jobHousekeeping } from './job-history.js';
