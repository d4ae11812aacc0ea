import { model, Schema } from 'mongoose';
import { CERTIFICATE_OUTCOMES, INTERVIEW_OUTCOMES } from './vetting-rules.js';

// Only dated facts about the steps: never the certificate itself, its content or a CPR number
// (strict: 'throw' refuses any field not named here).
const childCertificateSchema = new Schema(
  {
    consentGivenAt: { type: Date },
    consentWithdrawnAt: { type: Date },
    orderedAt: { type: Date },
    orderedBy: { type: String },
    outcome: { type: String, enum: CERTIFICATE_OUTCOMES },
    outcomeAt: { type: Date },
    outcomeBy: { type: String },
    validUntil: { type: Date },
    renewalDueAt: { type: Date },
  },
  { _id: false, strict: 'throw' },
);

const interviewSchema = new Schema(
  {
    heldOn: { type: Date, required: true },
    interviewer: { type: String, required: true, maxlength: 120 },
    outcome: { type: String, required: true, enum: INTERVIEW_OUTCOMES },
    // For coordinators only; dropped when the volunteer deletes their account.
    note: { type: String, maxlength: 500 },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const referenceSchema = new Schema(
  {
    slot: { type: Number, required: true, min: 1, max: 2 },
    checked: { type: Boolean, required: true },
    checkedBy: { type: String, required: true },
    checkedAt: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const trainingSchema = new Schema(
  {
    hours: { type: Number, required: true, min: 0, max: 200 },
    completedOn: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

/** One volunteer's vetting by one organisation. Written whole, guarded by updatedAt (see vetting-service.ts). */
const vettingRecordSchema = new Schema(
  {
    organisationId: { type: String, required: true },
    userId: { type: String, required: true },
    childCertificate: { type: childCertificateSchema, default: () => ({}) },
    interview: { type: interviewSchema },
    references: { type: [referenceSchema], default: [] },
    training: { type: trainingSchema },
    anonymisedAt: { type: Date },
    // Bumped by every guarded write (see claimNextVersion in shared/db).
    writeVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

vettingRecordSchema.index({ organisationId: 1, userId: 1 }, { unique: true });
vettingRecordSchema.index({ userId: 1 });
vettingRecordSchema.index({ 'childCertificate.orderedAt': 1 });
// The daily reminder finds the børneattester that end soon.
vettingRecordSchema.index({ 'childCertificate.validUntil': 1 });

export const VettingRecordModel = model('VettingRecord', vettingRecordSchema, 'vetting_records');

/** An organisation's own, shorter validity of a børneattest (the municipalities set the longest). */
const vettingPolicySchema = new Schema(
  {
    organisationId: { type: String, required: true },
    validityMonths: { type: Number, required: true, min: 1, max: 60 },
    changedBy: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

vettingPolicySchema.index({ organisationId: 1 }, { unique: true });

export const VettingPolicyModel = model('VettingPolicy', vettingPolicySchema, 'vetting_policies');

/**
 * Work that must happen once per item across every instance (a reminder per order): claimed by inserting
 * this document; a duplicate key means another instance, or an earlier run, already did it.
 */
const vettingClaimSchema = new Schema(
  {
    kind: { type: String, required: true },
    recordId: { type: String, required: true },
    dueKey: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);

vettingClaimSchema.index({ kind: 1, recordId: 1, dueKey: 1 }, { unique: true });
// A record's latest claim of a kind.
vettingClaimSchema.index({ kind: 1, recordId: 1, claimedAt: -1 });

export const VettingClaimModel = model('VettingClaim', vettingClaimSchema, 'vetting_claims');
