import { model, Schema, type InferSchemaType } from 'mongoose';
import { refuseChanges } from '../db/append-only.js';

/**
 * The audit log: who did what, when, from where. Append-only: the model refuses every update and delete;
 * only retention removes entries past the municipality's period (purgeAuditEntries, audited with counts).
 */
const auditEventSchema = new Schema(
  {
    at: { type: Date, required: true },
    action: { type: String, required: true },
    outcome: { type: String, required: true, enum: ['success', 'failure', 'denied'] },
    actorId: { type: String },
    actorRole: { type: String },
    municipalityCode: { type: String },
    organisationId: { type: String },
    objectType: { type: String },
    objectId: { type: String },
    purpose: { type: String },
    ip: { type: String },
    userAgent: { type: String },
    requestId: { type: String },
    // Non-sensitive facts only (never passwords, tokens, case text or CPR numbers).
    details: { type: Schema.Types.Mixed },
  },
  { versionKey: false, strict: 'throw' },
);

auditEventSchema.index({ at: -1 });
auditEventSchema.index({ actorId: 1, at: -1 });
auditEventSchema.index({ objectType: 1, objectId: 1, at: -1 });
auditEventSchema.index({ municipalityCode: 1, at: -1 });

refuseChanges(auditEventSchema, 'The audit log');

export type AuditEvent = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = model('AuditEvent', auditEventSchema, 'audit_events');
