import { model, Schema, type InferSchemaType } from 'mongoose';

/**
 * The audit log: who did what, when, from where. Append-only: the model refuses every update and delete
 * (no job deletes audit events: they are kept).
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

const refuse = () => {
  throw new Error('The audit log is append-only');
};
for (const operation of [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const) {
  auditEventSchema.pre(operation, refuse);
}

export type AuditEvent = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = model('AuditEvent', auditEventSchema, 'audit_events');
