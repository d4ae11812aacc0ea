import { trusted } from 'mongoose';
import { createOneTimeToken, hashToken } from '../../shared/crypto/index.js';
import {
  OneTimeTokenModel,
  TokenUseModel,
  type OneTimeToken,
  type TokenPurpose,
} from './one-time-token-model.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  'verify-email': 24 * 3_600_000,
  'reset-password': 60 * 60_000,
  invitation: 7 * 24 * 3_600_000,
};

type TokenFields = Pick<OneTimeToken, 'email' | 'userId' | 'invitation'>;

/** Issues a token and returns the plain value for the link; only its hash is stored. */
export async function issueToken(
  purpose: TokenPurpose,
  fields: TokenFields,
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = createOneTimeToken();
  await OneTimeTokenModel.create({
    ...fields,
    tokenHash,
    purpose,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/** The token's record if it exists, has this purpose, is unexpired and unused; otherwise undefined. */
export async function peekToken(token: string, purpose: TokenPurpose, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const record = await OneTimeTokenModel.findOne({ tokenHash: hashToken(token), purpose }).lean();
  if (!record || record.usedAt || record.expiresAt <= now) return undefined;
  return record;
}

/**
 * Uses a token once. The unique insert into token uses decides races: of two simultaneous requests
 * with the same link, exactly one gets the record.
 */
export async function consumeToken(token: string, purpose: TokenPurpose, now = new Date()) {
  const record = await peekToken(token, purpose, now);
  if (!record) return undefined;
  try {
    await TokenUseModel.create({ tokenHash: record.tokenHash, at: now });
  } catch (error) {
    if (isDuplicateKeyError(error)) return undefined;
    throw error;
  }
  await OneTimeTokenModel.updateOne({ _id: record._id }, { $set: { usedAt: now } });
  return record;
}

/** How long after expiry a link's record is kept, so a late click is told "expired" rather than "unknown". */
const KEEP_AFTER_EXPIRY_MS = 7 * 24 * 3_600_000;

/**
 * Removes link records (which hold an e-mail address) a week after they expired, and the use markers
 * once no token they could protect is left (the longest lifetime plus that week).
 */
export async function deleteExpiredTokens(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_AFTER_EXPIRY_MS);
  const longest = Math.max(...Object.values(TOKEN_LIFETIME_MS));
  const tokens = await OneTimeTokenModel.deleteMany({ expiresAt: trusted({ $lt: cutoff }) });
  await TokenUseModel.deleteMany({ at: trusted({ $lt: new Date(cutoff.getTime() - longest) }) });
  return tokens.deletedCount;
}
