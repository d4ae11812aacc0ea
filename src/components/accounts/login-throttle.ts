import type { Options } from 'express-rate-limit';
import { hashToken } from '../../shared/crypto/index.js';
import { DatabaseRateLimitStore } from '../../shared/http/index.js';

const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per account, keyed by the normalised e-mail whether or not an account exists (so a
 * lockout says nothing about existence). Kept in the database: every app instance sees the same count.
 */
function storeFor(prefix: string) {
  const store = new DatabaseRateLimitStore(prefix);
  store.init({ windowMs: LOCKOUT_WINDOW_MS } as Options);
  return store;
}

const accountFailures = storeFor('login-account');
const secondFactorFailures = storeFor('login-totp');

const accountKey = (email: string) => hashToken(email);

export async function isAccountLocked(email: string): Promise<boolean> {
  return (await accountFailures.get(accountKey(email))).totalHits >= LOCKOUT_THRESHOLD;
}

/** Records a failure; true when this failure is the one that locks the account. */
export async function recordAccountFailure(email: string): Promise<boolean> {
  return (await accountFailures.increment(accountKey(email))).totalHits === LOCKOUT_THRESHOLD;
}

/** The unlock path: a successful login or a password reset clears the failures. */
export async function clearAccountFailures(email: string): Promise<void> {
  await accountFailures.resetKey(accountKey(email));
}

export async function isSecondFactorLocked(userId: string): Promise<boolean> {
  return (await secondFactorFailures.get(userId)).totalHits >= LOCKOUT_THRESHOLD;
}

export async function recordSecondFactorFailure(userId: string): Promise<boolean> {
  return (await secondFactorFailures.increment(userId)).totalHits >= LOCKOUT_THRESHOLD;
}

export async function clearSecondFactorFailures(userId: string): Promise<void> {
  await secondFactorFailures.resetKey(userId);
}
