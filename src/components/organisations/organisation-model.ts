import { model, Schema, type InferSchemaType } from 'mongoose';
import { APPROVAL_DECISIONS } from './organisation-rules.js';

export const ORGANISATION_KINDS = ['association', 'business', 'faith', 'other'] as const;
const ORGANISATION_STATUSES = APPROVAL_DECISIONS;

/** One municipality's decision about the organisation: each municipality it works in decides for itself. */
const approvalSchema = new Schema(
  {
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    decision: { type: String, required: true, enum: APPROVAL_DECISIONS, default: 'pending' },
    reason: { type: String, maxlength: 500 },
    decidedBy: { type: String },
    decidedAt: { type: Date },
  },
  { _id: false },
);

/** A club, business, church or other civil-society actor that offers volunteers' time to children. */
const organisationSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 120 },
    kind: { type: String, required: true, enum: ORGANISATION_KINDS },
    description: { type: String, required: true, maxlength: 2000 },
    address: { type: String, maxlength: 200 },
    postcode: { type: String, required: true, match: /^\d{4}$/ },
    cvr: { type: String, match: /^\d{8}$/ },
    contactEmail: { type: String, maxlength: 254 },
    contactPhone: { type: String, maxlength: 30 },
    // The municipalities (codes) it works in; an organisation may work in several.
    municipalityCodes: { type: [String], required: true },
    approvals: { type: [approvalSchema], default: [] },
    // Derived from the approvals on every write (see organisation-rules.ts), for lists and filters.
    status: { type: String, required: true, enum: ORGANISATION_STATUSES, default: 'pending' },
    // Municipalities where it is approved and not suspended: what matching and the marketplace read.
    activeIn: { type: [String], default: [] },
    registeredBy: { type: String },
    // Bumped by every guarded write (see claimNextVersion in shared/db).
    writeVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

organisationSchema.index({ municipalityCodes: 1, status: 1 });
// Organisations are listed by name: those active in a municipality, and those with a given status.
organisationSchema.index({ activeIn: 1, name: 1 });
organisationSchema.index({ status: 1, name: 1 });
organisationSchema.index({ municipalityCodes: 1, name: 1 });
organisationSchema.index({ name: 1 });

export type Organisation = InferSchemaType<typeof organisationSchema>;
export const OrganisationModel = model('Organisation', organisationSchema);
