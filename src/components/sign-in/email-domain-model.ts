import { model, Schema } from 'mongoose';

/**
 * Which municipality's provider holds an e-mail domain. One document a domain under a unique index: two
 * saves that both want a domain cannot both insert it, so a domain belongs to at most one provider.
 */
const emailDomainClaimSchema = new Schema(
  {
    domain: { type: String, required: true, maxlength: 253 },
    municipalityCode: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

emailDomainClaimSchema.index({ domain: 1 }, { unique: true });
emailDomainClaimSchema.index({ municipalityCode: 1 });

export const EmailDomainClaimModel = model('EmailDomainClaim', emailDomainClaimSchema);
