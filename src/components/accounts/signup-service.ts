import { recordAudit } from '../../shared/audit/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { sendAccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import { externalSignInFor } from './external-sign-in.js';
import { consumeToken, issueToken, TOKEN_LIFETIME_MS } from './one-time-token-service.js';
import { hashPassword } from './password-hashing.js';
import { checkPassword } from './password-rules.js';
import type { RequestContext } from './request-context.js';
import { UserModel } from './user-model.js';
import { findUserByEmail, newSessionEpoch } from './user-service.js';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates an unverified volunteer account and mails a verification link. The answer is the same whether
 * or not the address already has an account (no enumeration); the owner of an existing account gets an
 * e-mail saying so instead. Writes are ordered user → token → mail: after a crash the person signs up
 * again and gets a fresh link.
 */
export async function signUp(input: SignUpInput, context: RequestContext): Promise<void> {
  const email = normaliseEmail(input.email);
  // A municipality's staff address signs in through the municipality, never with a password of its own.
  if (await externalSignInFor(email)) throw new ValidationError({ email: 'signIn.signup.staffDomain' });
  const problem = checkPassword(input.password, { email, name: input.name });
  if (problem) throw new ValidationError({ password: `accounts.password.${problem}` });

  const existing = await findUserByEmail(email);
  if (existing && existing.status !== 'unverified') {
    await sendAccountMail({
      to: email,
      template: 'account-exists',
      language: existing.language === 'en' ? 'en' : 'da',
      data: {
        name: existing.name,
        loginLink: `${context.baseUrl}/log-ind`,
        resetLink: `${context.baseUrl}/glemt-adgangskode`,
      },
    });
    await recordAudit(
      {
        action: 'account.signup-existing',
        outcome: 'failure',
        objectType: 'user',
        objectId: String(existing._id),
      },
      context.origin,
    );
    return;
  }

  let userId: string;
  if (existing) {
    userId = String(existing._id);
  } else {
    const created = await UserModel.create({
      email,
      name: input.name,
      language: context.language,
      passwordHash: await hashPassword(input.password),
      status: 'unverified',
      roles: [{ role: 'volunteer', active: true, grantedAt: new Date() }],
      sessionEpoch: newSessionEpoch(),
    });
    userId = String(created._id);
  }
  await sendVerification(userId, email, input.name, context);
  await recordAudit(
    { action: 'account.signup', outcome: 'success', actorId: userId, objectType: 'user', objectId: userId },
    context.origin,
  );
}

export async function sendVerification(
  userId: string,
  email: string,
  name: string,
  context: RequestContext,
): Promise<void> {
  const token = await issueToken('verify-email', { email, userId });
  await sendAccountMail({
    to: email,
    template: 'verify-email',
    language: context.language,
    data: {
      name,
      link: `${context.baseUrl}/bekraeft-email/${token}`,
      expiresInHours: String(TOKEN_LIFETIME_MS['verify-email'] / 3_600_000),
    },
  });
}

/** Confirms the address behind a verification link; false when the link is unknown, used or expired. */
export async function verifyEmail(token: string, context: RequestContext): Promise<boolean> {
  const record = await consumeToken(token, 'verify-email');
  if (!record?.userId) return false;
  const result = await UserModel.updateOne(
    { _id: record.userId, status: 'unverified' },
    { $set: { status: 'active', emailVerifiedAt: new Date() } },
  );
  await recordAudit(
    {
      action: 'account.email-verified',
      outcome: result.modifiedCount ? 'success' : 'failure',
      actorId: record.userId,
      objectType: 'user',
      objectId: record.userId,
    },
    context.origin,
  );
  return result.modifiedCount === 1;
}
