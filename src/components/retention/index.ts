import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { retentionJobs } from './retention-jobs.js';
import { InactivityWarningModel } from './retention-model.js';

export { purgeExpiredCases, handleInactiveVolunteers } from './retention-service.js';
export { monthsBefore, inactiveStep } from './retention-rules.js';

/** Deletion on schedule: ended cases, inactive volunteers and old audit entries, per municipality. */
export function retentionComponent(config: AppConfig): Component {
  return {
    name: 'retention',
    models: [InactivityWarningModel] as never[],
    jobs: retentionJobs(accountsSettings(config).baseUrl),
  };
}
