export { recordAudit, requestOrigin, listAuditEvents, type AuditInput } from './audit-log.js';
export { AuditEventModel, type AuditEvent } from './audit-model.js';
