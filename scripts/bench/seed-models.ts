// The app's models, looked up by name: a component keeps its models behind its index, and importing the
// index registers them with mongoose. Seeders write through them so every document is validated.
import mongoose, { type Model } from 'mongoose';
import '../../src/components/accounts/index.js';
import '../../src/components/followups/index.js';
import '../../src/components/requests/index.js';
import '../../src/components/offers/index.js';
import '../../src/components/organisations/index.js';
import '../../src/components/vetting/index.js';
import '../../src/components/volunteers/index.js';
import '../../src/shared/audit/index.js';

export type ModelName =
  | 'User'
  | 'Organisation'
  | 'Membership'
  | 'VolunteerProfile'
  | 'VettingRecord'
  | 'Offer'
  | 'ChildRequest'
  | 'Match'
  | 'FollowUp'
  | 'FollowUpPlan'
  | 'AuditEvent';

export type AnyDocument = Record<string, unknown>;

export function modelNamed(name: ModelName): Model<AnyDocument> {
  return mongoose.model<AnyDocument>(name);
}
