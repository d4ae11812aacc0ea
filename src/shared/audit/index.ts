export {
  recordAudit,
  recordAuditOnce,
  requestOrigin,
  purgeAuditEntries,
  type AuditInput,
} from './audit-log.js';
export { AuditEventModel, type AuditEvent } from './audit-model.js';
export { stripAuditDetailsOf } from './audit-scrub.js';
export { writeVersionAudited, completeAuditedWrites, auditedWriteJobs } from './audited-write.js';
export { criteriaOf, type AuditCriteria } from './audit-criteria.js';
export { detailsWithoutChildValues } from './audit-details-rules.js';
export { removeChildValuesFromAuditLog, CHILD_VALUES_REMOVED } from './audit-clean-up.js';
