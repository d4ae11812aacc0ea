import type { JobDefinition } from '../jobs/index.js';
import { deleteExpiredRateLimitHits } from './database-rate-limit-store.js';

/** Hits outside every window no longer count; removing them keeps the counting queries small. */
export const rateLimitJobs: JobDefinition[] = [
  {
    name: 'rate-limits:delete-expired',
    schedule: '*/5 * * * *',
    run: (context) => deleteExpiredRateLimitHits(context?.now),
  },
];
