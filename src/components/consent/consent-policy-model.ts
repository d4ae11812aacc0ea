import { model, Schema } from 'mongoose';
import { DEFAULT_PURPOSES } from './consent-rules.js';

/**
 * A municipality's consent rules (one document per municipality, its code as _id). Without one, the
 * defaults in consent-rules.ts apply.
 */
const consentPolicySchema = new Schema(
  {
    _id: { type: String, required: true, match: /^\d{4}$/ },
    purposes: { type: [String], required: true, enum: DEFAULT_PURPOSES },
    proposalPurposes: { type: [String], required: true, enum: DEFAULT_PURPOSES },
    activationPurposes: { type: [String], required: true, enum: DEFAULT_PURPOSES },
    youthAge: { type: Number, required: true, min: 10, max: 18 },
    youthConsentAsked: { type: Boolean, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);

export const ConsentPolicyModel = model('ConsentPolicy', consentPolicySchema, 'consent_policies');
