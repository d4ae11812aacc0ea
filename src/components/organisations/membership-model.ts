import { model, Schema } from 'mongoose';
import { MEMBERSHIP_STATUSES } from './membership-rules.js';

const membershipEventSchema = new Schema(
  {
    status: { type: String, required: true, enum: MEMBERSHIP_STATUSES },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * One person in one organisation. Coordinator rights are role grants (accounts); this records
 * membership itself, with every change of state and who made it.
 */
const membershipSchema = new Schema(
  {
    organisationId: { type: String, required: true },
    userId: { type: String, required: true },
    status: { type: String, required: true, enum: MEMBERSHIP_STATUSES },
    history: { type: [membershipEventSchema], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

membershipSchema.index({ organisationId: 1, userId: 1 }, { unique: true });
membershipSchema.index({ organisationId: 1, status: 1 });
membershipSchema.index({ userId: 1, status: 1 });

export const MembershipModel = model('Membership', membershipSchema);
