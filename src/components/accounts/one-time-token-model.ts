import { model, Schema, type InferSchemaType } from 'mongoose';
import { ROLES } from './roles.js';

const TOKEN_PURPOSES = ['verify-email', 'reset-password', 'invitation'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A link sent by e-mail. Only the SHA-256 of the token is stored; it expires and is used once. */
const oneTimeTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    purpose: { type: String, required: true, enum: TOKEN_PURPOSES },
    email: { type: String, required: true },
    userId: { type: String },
    invitation: {
      role: { type: String, enum: ROLES },
      municipalityCode: { type: String },
      organisationId: { type: String },
      invitedBy: { type: String },
      inviterName: { type: String },
    },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
  },
  { timestamps: true, strict: 'throw' },
);

oneTimeTokenSchema.index({ tokenHash: 1 }, { unique: true });
oneTimeTokenSchema.index({ expiresAt: 1 });
oneTimeTokenSchema.index({ email: 1, purpose: 1 });
// A municipality's open invitations.
oneTimeTokenSchema.index({ 'invitation.municipalityCode': 1, purpose: 1 });

export type OneTimeToken = InferSchemaType<typeof oneTimeTokenSchema>;
export const OneTimeTokenModel = model('OneTimeToken', oneTimeTokenSchema, 'one_time_tokens');

/**
 * Using a token inserts one of these: the unique key makes "use once" hold even when two requests race,
 * which an update of the token document would not guarantee on FerretDB.
 */
const tokenUseSchema = new Schema(
  { tokenHash: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
tokenUseSchema.index({ tokenHash: 1 }, { unique: true });
// The daily clean-up removes uses older than any token could be.
tokenUseSchema.index({ at: 1 });
export const TokenUseModel = model('TokenUse', tokenUseSchema, 'one_time_token_uses');
