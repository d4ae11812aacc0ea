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
