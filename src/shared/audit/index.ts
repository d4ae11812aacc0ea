export {
  recordAudit,
  recordAuditOnce,
  requestOrigin,
  listAuditEvents,
  purgeAuditEntries,
  type AuditInput,
} from './audit-log.js';
export { AuditEventModel, type AuditEvent } from './audit-model.js';
export { stripAuditDetailsOf, type AuditObjects } from './audit-scrub.js';
export { writeVersionAudited, completeAuditedWrites, auditedWriteJobs } from './audited-write.js';
export { CRITERIA_FACTORS, criteriaOf, type AuditCriteria, type CriteriaFactor } from './audit-criteria.js';
export { detailsWithoutChildValues } from './audit-details-rules.js';
export { removeChildValuesFromAuditLog, CHILD_VALUES_REMOVED } from './audit-clean-up.js';
