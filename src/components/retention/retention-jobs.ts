import type { JobContext, JobDefinition } from '../../shared/jobs/index.js';
import { handleInactiveVolunteers, purgeExpiredCases } from './retention-service.js';

export function retentionJobs(baseUrl: string): JobDefinition[] {
  const needs = (context?: JobContext) => {
    if (!context) throw new Error('retention jobs run through the scheduler');
    return context;
  };
  return [
    {
      name: 'retention:cases-and-audit',
      schedule: '45 2 * * *',
      everyInstance: true,
      run: (context) => purgeExpiredCases(needs(context)),
    },
    {
      name: 'retention:inactive-volunteers',
      schedule: '15 3 * * *',
      everyInstance: true,
      run: (context) => handleInactiveVolunteers(needs(context), baseUrl),
    },
  ];
}
