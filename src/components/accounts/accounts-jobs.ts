import type { JobDefinition } from '../../shared/jobs/index.js';
import { deleteExpiredTokens } from './one-time-token-service.js';

export const accountsJobs: JobDefinition[] = [
  {
    name: 'accounts:delete-expired-links',
    schedule: '41 * * * *',
    run: (context) => deleteExpiredTokens(context?.now),
  },
];
