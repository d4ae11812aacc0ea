import { model, Schema } from 'mongoose';
import { MEMBERSHIP_STATUSES } from './membership-rules.js';

/**
 * The claim on one step of a membership's history: the n-th change of a person's membership of an
 * organisation is written here first, under a unique key, and only then applied to the membership.
 * FerretDB's updates are read-modify-write without locking, so two coordinators deciding at once would
 * both "succeed"; a unique insert is the one thing both engines refuse to do twice.
 */
const membershipStepSchema = new Schema(
  {
    organisationId: { type: String, required: true },
    userId: { type: String, required: true },
    step: { type: Number, required: true, min: 0 },
    status: { type: String, required: true, enum: MEMBERSHIP_STATUSES },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { strict: 'throw' },
);

membershipStepSchema.index({ organisationId: 1, userId: 1, step: 1 }, { unique: true });

export const MembershipStepModel = model('MembershipStep', membershipStepSchema);
