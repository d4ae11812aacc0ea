import { recordAudit } from '../../shared/audit/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { deleteSessionsOfUser } from '../../shared/session/index.js';
import { sendAccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import { clearAccountFailures } from './login-throttle.js';
import { consumeToken, issueToken, peekToken, TOKEN_LIFETIME_MS } from './one-time-token-service.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { checkPassword } from './password-rules.js';
import type { RequestContext } from './request-context.js';
import { UserModel } from './user-model.js';
import { findUserByEmail, findUserById, newSessionEpoch } from './user-service.js';

/** Mails a reset link if the address has an active or unverified account; says nothing either way. */
export async function requestPasswordReset(emailInput: string, context: RequestContext): Promise<void> {
  const email = normaliseEmail(emailInput);
  const user = await findUserByEmail(email);
  await recordAudit(
    {
      action: 'password.reset-requested',
      outcome: user ? 'success' : 'failure',
      objectType: 'user',
      objectId: user ? String(user._id) : undefined,
    },
    context.origin,
  );
  if (!user || user.status === 'disabled') return;
  const token = await issueToken('reset-password', { email, userId: String(user._id) });
  await sendAccountMail({
    to: email,
    template: 'reset-password',
    language: user.language === 'en' ? 'en' : 'da',
    data: {
      name: user.name,
      link: `${context.baseUrl}/nulstil-adgangskode/${token}`,
      expiresInMinutes: String(TOKEN_LIFETIME_MS['reset-password'] / 60_000),
    },
  });
}

export async function isResetLinkValid(token: string): Promise<boolean> {
  return Boolean(await peekToken(token, 'reset-password'));
}

/**
 * Sets a new password from a reset link: ends every session, lifts a lockout (the unlock path) and,
 * since the person proved they read the mailbox, confirms an unverified address.
 */
export async function resetPassword(
  token: string,
  password: string,
  context: RequestContext,
): Promise<'done' | 'invalid-link'> {
  const peeked = await peekToken(token, 'reset-password');
  if (!peeked?.userId) return 'invalid-link';
  const user = await findUserById(peeked.userId);
  if (!user) return 'invalid-link';
  const problem = checkPassword(password, { email: user.email, name: user.name });
  if (problem) throw new ValidationError({ password: `accounts.password.${problem}` });
  if (!(await consumeToken(token, 'reset-password'))) return 'invalid-link';

  const status = user.status === 'unverified' ? 'active' : user.status;
  await UserModel.updateOne(
    { _id: user._id },
    {
      $set: {
        passwordHash: await hashPassword(password),
        passwordChangedAt: new Date(),
        sessionEpoch: newSessionEpoch(),
        status,
        ...(user.status === 'unverified' ? { emailVerifiedAt: new Date() } : {}),
      },
    },
  );
  await deleteSessionsOfUser(String(user._id));
  await clearAccountFailures(user.email);
  await recordAudit(
    {
      action: 'password.reset',
      outcome: 'success',
      actorId: String(user._id),
      objectType: 'user',
      objectId: String(user._id),
    },
    context.origin,
  );
  await sendAccountMail({
    to: user.email,
    template: 'password-changed',
    language: user.language === 'en' ? 'en' : 'da',
    data: { name: user.name },
  });
  return 'done';
}

/** Changes the password of a logged-in user; returns the new session epoch so the current session survives. */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  currentSessionId: string,
  context: RequestContext,
): Promise<string> {
  const user = await findUserById(userId);
  if (!user) throw new ValidationError({ currentPassword: 'accounts.password.currentWrong' });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(
      {
        action: 'password.change',
        outcome: 'failure',
        actorId: userId,
        objectType: 'user',
        objectId: userId,
      },
      context.origin,
    );
    throw new ValidationError({ currentPassword: 'accounts.password.currentWrong' });
  }
  const problem = checkPassword(newPassword, { email: user.email, name: user.name });
  if (problem) throw new ValidationError({ newPassword: `accounts.password.${problem}` });
  const sessionEpoch = newSessionEpoch();
  await UserModel.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), sessionEpoch } },
  );
  await deleteSessionsOfUser(userId, currentSessionId);
  await recordAudit(
    { action: 'password.change', outcome: 'success', actorId: userId, objectType: 'user', objectId: userId },
    context.origin,
  );
  await sendAccountMail({
    to: user.email,
    template: 'password-changed',
    language: user.language === 'en' ? 'en' : 'da',
    data: { name: user.name },
  });
  return sessionEpoch;
}
