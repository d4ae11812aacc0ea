import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import { registerCaseRetention } from '../requests/index.js';
import type { Component } from '../../shared/http/index.js';
import { retentionJobs } from './retention-jobs.js';
import { tallyEndedMatches } from './case-tally.js';
import { CaseTallyModel, InactivityWarningModel } from './retention-model.js';

export { purgeExpiredCases, handleInactiveVolunteers } from './retention-service.js';
export { monthsBefore, inactiveStep } from './retention-rules.js';
export { CaseTallyModel } from './retention-model.js';

/** Deletion on schedule: ended cases, inactive volunteers and old audit entries, per municipality. */
let registered = false;

export function retentionComponent(config: AppConfig): Component {
  // The component list is built more than once per process (app, scheduler, scripts); register once.
  if (!registered) {
    registered = true;
    registerCaseRetention(tallyEndedMatches);
  }
  return {
    name: 'retention',
    models: [InactivityWarningModel, CaseTallyModel] as never[],
    jobs: retentionJobs(accountsSettings(config).baseUrl),
  };
}
