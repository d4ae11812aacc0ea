export { createScheduler, type JobDefinition, type Scheduler } from './scheduler.js';
