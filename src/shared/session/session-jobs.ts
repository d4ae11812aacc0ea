import type { JobDefinition } from '../jobs/index.js';
import { deleteExpiredSessions } from './session-cleanup.js';

/** Expired sessions are ignored on read already; this removes them (no TTL index on FerretDB). */
export const sessionJobs: JobDefinition[] = [
  {
    name: 'sessions:delete-expired',
    schedule: '*/15 * * * *',
    run: (context) => deleteExpiredSessions(context?.now),
  },
];
