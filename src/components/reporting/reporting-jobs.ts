import type { JobContext, JobDefinition } from '../../shared/jobs/index.js';
import { maintainFigures } from './report-facts-service.js';

/**
 * The maintained figures are rebuilt every hour: the dashboard then reads a few documents by id instead
 * of every follow-up, and says when its figures were taken. One instance runs each tick (the read covers
 * the whole country); its municipalities are claimed one by one.
 */
export const reportingJobs: JobDefinition[] = [
  {
    name: 'reporting:figures',
    schedule: '12 * * * *',
    run: (context?: JobContext) => {
      if (!context) throw new Error('the figures job runs through the scheduler');
      return maintainFigures(context);
    },
  },
];
