import { recordAudit } from '../../shared/audit/index.js';
import { sendAccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import {
  clearAccountFailures,
  isAccountLocked,
  LOCKOUT_WINDOW_MS,
  recordAccountFailure,
} from './login-throttle.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password-hashing.js';
import type { RequestContext } from './request-context.js';
import { UserModel } from './user-model.js';
import { findUserByEmail, toSessionUser } from './user-service.js';
import type { SessionUser } from './actor.js';

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' | 'locked' | 'unverified' | 'disabled'; userId?: string };

/**
 * Checks e-mail and password. Unknown e-mail and wrong password give the same answer after the same
 * work (a hash is verified either way); a lockout applies per e-mail whether or not it exists.
 */
export async function authenticate(
  emailInput: string,
  password: string,
  context: RequestContext,
): Promise<LoginResult> {
  const email = normaliseEmail(emailInput);
  const user = await findUserByEmail(email);
  if (await isAccountLocked(email)) {
    await verifyPassword(await dummyPasswordHash(), password);
    await recordAudit(
      {
        action: 'login',
        outcome: 'denied',
        objectType: 'user',
        objectId: user ? String(user._id) : undefined,
        details: { reason: 'locked' },
      },
      context.origin,
    );
    return { ok: false, reason: 'locked' };
  }

  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !passwordMatches) {
    const lockedNow = await recordAccountFailure(email);
    await recordAudit(
      {
        action: 'login',
        outcome: 'failure',
        objectType: 'user',
        objectId: user ? String(user._id) : undefined,
      },
      context.origin,
    );
    if (lockedNow) await reportLockout(user, context);
    return { ok: false, reason: 'invalid' };
  }

  const userId = String(user._id);
  if (user.status === 'unverified') return { ok: false, reason: 'unverified', userId };
  if (user.status === 'disabled') {
    await recordAudit(
      {
        action: 'login',
        outcome: 'denied',
        actorId: userId,
        objectType: 'user',
        objectId: userId,
        details: { reason: 'disabled' },
      },
      context.origin,
    );
    return { ok: false, reason: 'disabled' };
  }

  await clearAccountFailures(email);
  const update: Record<string, unknown> = { lastLoginAt: new Date() };
  // Parameters rose since this hash was made: store a fresh one while we know the password.
  if (needsRehash(user.passwordHash)) update.passwordHash = await hashPassword(password);
  await UserModel.updateOne({ _id: user._id }, { $set: update });
  await recordAudit(
    { action: 'login', outcome: 'success', actorId: userId, objectType: 'user', objectId: userId },
    context.origin,
  );
  return { ok: true, user: toSessionUser(user) };
}

async function reportLockout(user: Awaited<ReturnType<typeof findUserByEmail>>, context: RequestContext) {
  await recordAudit(
    {
      action: 'account.lockout',
      outcome: 'denied',
      objectType: 'user',
      objectId: user ? String(user._id) : undefined,
      details: { minutes: LOCKOUT_WINDOW_MS / 60_000 },
    },
    context.origin,
  );
  if (!user) return;
  await sendAccountMail({
    to: user.email,
    template: 'account-locked',
    language: user.language === 'en' ? 'en' : 'da',
    data: {
      name: user.name,
      link: `${context.baseUrl}/glemt-adgangskode`,
      minutes: String(LOCKOUT_WINDOW_MS / 60_000),
    },
  });
}
