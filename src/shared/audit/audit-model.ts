import { model, Schema, type InferSchemaType } from 'mongoose';
import { refuseChanges } from '../db/index.js';

/**
 * The audit log: who did what to which case or match, why, when, from where, and whether it was allowed
 * ('denied' for a refused attempt). Never the child's attributes: criteria are named, not valued (see
 * audit-criteria). Append-only: the model refuses every update and delete; only retention removes
 * entries past the municipality's period (purgeAuditEntries), and one clean-up removed the child's values
 * from entries written before (removeChildValuesFromAuditLog); both go past the guard and log themselves.
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
    // Ids, counts, field and factor names, reasons from fixed lists: never passwords, tokens, free text,
    // case text, CPR numbers or the child's attributes (age, postcode, interests, languages, answers).
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
