import type { JobDefinition } from '../../shared/jobs/index.js';
import { checkWaitingRequests } from './candidate-watch-service.js';

/** Looking again for the requests whose social worker waits for new candidates. */
export function candidateJobs(baseUrl: string): JobDefinition[] {
  return [
    {
      name: 'matching:waiting-for-candidates',
      // Twice an hour: a vetting recorded or a place freed reaches the waiting worker the same morning.
      schedule: '11,41 * * * *',
      run: (context) => checkWaitingRequests(baseUrl, context?.now),
    },
  ];
}
