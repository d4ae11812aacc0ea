import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import { caseRetentionSignal } from '../requests/index.js';
import type { Component } from '../../shared/http/index.js';
import { listen } from '../../shared/wiring/index.js';
import { retentionJobs } from './retention-jobs.js';
import { tallyEndedMatches } from './case-tally.js';
import { CaseTallyModel, InactivityWarningModel } from './retention-model.js';

export { purgeExpiredCases, handleInactiveVolunteers } from './retention-service.js';
export { CaseTallyModel } from './retention-model.js';

/** Deletion on schedule: ended cases, inactive volunteers and old audit entries, per municipality. */
export function retentionComponent(config: AppConfig): Component {
  return {
    name: 'retention',
    // The country-wide tally counts each ended match before the retention run deletes it.
    provides: [listen(caseRetentionSignal, tallyEndedMatches)],
    models: [InactivityWarningModel, CaseTallyModel] as never[],
    jobs: retentionJobs(accountsSettings(config).baseUrl),
  };
}
