import { model, Schema, type InferSchemaType } from 'mongoose';
import { refuseChanges } from '../../shared/db/index.js';
import {
  CHILD_FIELDS,
  CONSENT_HOW,
  CONSENTERS,
  CUSTODY,
  RECIPIENTS,
  WITHDRAWAL_HOW,
} from './consent-rules.js';

const withdrawalSchema = new Schema(
  {
    at: { type: Date, required: true },
    // A user id, or "family" when the family withdrew through their link, or "expiry".
    by: { type: String, required: true },
    how: { type: String, required: true, enum: WITHDRAWAL_HOW },
    reason: { type: String, maxlength: 500 },
  },
  { _id: false },
);

/**
 * One version of one family consent. The ledger is append-only: a change (a withdrawal, an expiry) is a
 * new version with the next number, inserted under a unique (consentId, version), so two people changing
 * the same consent at once cannot both land, and nothing is ever overwritten. It names the child's request
 * and match by id only; who consented is a role and initials, never a name. Deleted only by retention.
 */
const consentVersionSchema = new Schema(
  {
    consentId: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    requestId: { type: String, required: true },
    matchId: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    consenter: { type: String, required: true, enum: CONSENTERS },
    initials: { type: String, required: true, maxlength: 6 },
    custody: { type: String, enum: CUSTODY },
    purposes: { type: [String], required: true },
    recipients: { type: [String], required: true, enum: RECIPIENTS },
    organisationId: { type: String, required: true },
    volunteerId: { type: String, required: true },
    fields: { type: [String], required: true, enum: CHILD_FIELDS },
    how: { type: String, required: true, enum: CONSENT_HOW },
    givenAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    validUntil: { type: Date, required: true },
    withdrawal: { type: withdrawalSchema },
  },
  { versionKey: false, strict: 'throw' },
);

consentVersionSchema.index({ consentId: 1, version: 1 }, { unique: true });
// A match's ledger in the order it was written.
consentVersionSchema.index({ matchId: 1, recordedAt: 1, version: 1 });
consentVersionSchema.index({ requestId: 1 });
consentVersionSchema.index({ validUntil: 1 });
consentVersionSchema.index({ municipalityCode: 1, validUntil: 1 });

// Retention deletes through deleteMany only; nothing updates or replaces a version.
refuseChanges(consentVersionSchema, 'The consent ledger', { retentionDeletes: true });

export type ConsentVersion = InferSchemaType<typeof consentVersionSchema>;
export const ConsentVersionModel = model('ConsentVersion', consentVersionSchema, 'consent_versions');

/** The family's withdrawal link: only the SHA-256 of its token is stored, as the _id. */
const consentLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    consentId: { type: String, required: true },
    matchId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
consentLinkSchema.index({ consentId: 1 });

export const ConsentLinkModel = model('ConsentLink', consentLinkSchema, 'consent_links');

/**
 * Once-only work about a consent that is done (the expiry reminder, recorded once its mail is queued), by
 * a unique {kind, consentId}. `claimedAt` is when it was recorded.
 */
const consentClaimSchema = new Schema(
  {
    kind: { type: String, required: true },
    consentId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
consentClaimSchema.index({ kind: 1, consentId: 1 }, { unique: true });
// Retention removes a deleted consent's claims of every kind.
consentClaimSchema.index({ consentId: 1 });

export const ConsentClaimModel = model('ConsentClaim', consentClaimSchema, 'consent_claims');

/**
 * A social worker's acknowledgement that a match goes ahead without the young person's own consent,
 * with the reason (kept here, beside the ledger, rather than in the audit log, which holds no free text).
 */
const acknowledgementSchema = new Schema(
  {
    matchId: { type: String, required: true },
    requestId: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    reason: { type: String, required: true, maxlength: 500 },
  },
  { versionKey: false, strict: 'throw' },
);
acknowledgementSchema.index({ matchId: 1 });
// Retention removes a deleted request's acknowledgements.
acknowledgementSchema.index({ requestId: 1 });

export const ConsentAcknowledgementModel = model(
  'ConsentAcknowledgement',
  acknowledgementSchema,
  'consent_acknowledgements',
);
