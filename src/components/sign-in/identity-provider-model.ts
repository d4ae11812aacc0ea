import { model, Schema } from 'mongoose';
import { MUNICIPAL_STAFF_ROLES } from '../accounts/index.js';

const groupRoleSchema = new Schema(
  {
    group: { type: String, required: true, maxlength: 200 },
    // Only municipal staff roles: a provider can never grant a platform role.
    role: { type: String, required: true, enum: MUNICIPAL_STAFF_ROLES },
  },
  { _id: false },
);

/**
 * A municipality's OpenID Connect provider, through which its staff sign in. The client secret is kept
 * only sealed with the data encryption key, and never shown again after it is typed.
 */
const identityProviderSchema = new Schema(
  {
    municipalityCode: { type: String, required: true },
    issuer: { type: String, required: true, maxlength: 500 },
    clientId: { type: String, required: true, maxlength: 200 },
    sealedClientSecret: { type: String, required: true },
    claims: {
      email: { type: String, required: true, maxlength: 200 },
      name: { type: String, required: true, maxlength: 200 },
      groups: { type: String, required: true, maxlength: 200 },
    },
    groupRoles: { type: [groupRoleSchema], required: true, default: [] },
    assurance: {
      level: { type: String, required: true, enum: ['none', 'low', 'substantial', 'high'] },
      acceptedAcr: { type: [String], required: true, default: [] },
    },
    // Lower case; each domain belongs to one municipality (checked when saved).
    emailDomains: { type: [String], required: true, default: [] },
    updatedBy: { type: String },
  },
  { timestamps: true, strict: 'throw' },
);

identityProviderSchema.index({ municipalityCode: 1 }, { unique: true });
identityProviderSchema.index({ emailDomains: 1 });

export const IdentityProviderModel = model('IdentityProvider', identityProviderSchema);
