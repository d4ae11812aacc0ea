export { createScheduler } from './scheduler.js';
export { jobCatalogSeam, jobCatalog, type JobContext, type JobDefinition } from './job-definition.js';
export { runJob, configureJobRuntime, INSTANCE_ID } from './job-runner.js';
export { claimItem, completeClaim, releaseClaim, holdsClaim } from './job-claims.js';
export { heldItem, LeaseLostError, type HeldItem } from './item-fence.js';
export { JobClaimModel, JobRunModel, JobStatusModel } from './job-model.js';
export { lastRunsOf, jobStatuses, jobHousekeeping } from './job-history.js';
