import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { deleteSessionsOfUser } from '../../shared/session/index.js';
import { announceAccountDeleting } from './account-events.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import type { RequestContext } from './request-context.js';
import { UserModel } from './user-model.js';
import { findUserById, newSessionEpoch } from './user-service.js';

export const DELETED_NAME = 'Slettet bruger';

/**
 * A person deletes their own account (confirmed with their password). Every component first removes or
 * anonymises what it holds (the listeners are safe to repeat), then the account itself is anonymised
 * rather than removed: the municipality's documentation (memberships, vetting, matches) keeps pointing at
 * an id, which now names nobody. The address is freed, so the person could sign up again as someone new.
 */
export async function deleteOwnAccount(
  userId: string,
  password: string,
  context: RequestContext,
): Promise<void> {
  const user = await findUserById(userId);
  if (!user || user.status === 'disabled') throw new NotFoundError();
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordAudit(
      { action: 'account.delete', outcome: 'failure', actorId: userId, objectType: 'user', objectId: userId },
      context.origin,
    );
    throw new ValidationError({ password: 'accounts.password.currentWrong' });
  }
  await eraseAccount(userId);
  // The entry names only the (now anonymous) id: no name or address outlives the deletion here either.
  await recordAudit(
    { action: 'account.deleted', outcome: 'success', actorId: userId, objectType: 'user', objectId: userId },
    context.origin,
  );
}

/** What every deletion does: components first, then the account anonymised and its sessions ended. */
async function eraseAccount(userId: string): Promise<void> {
  await announceAccountDeleting(userId);
  await UserModel.updateOne(
    { _id: userId },
    {
      $set: {
        name: DELETED_NAME,
        email: `deleted-${userId}@deleted.invalid`,
        // Nobody knows this password, so nobody can log in even if the account were enabled again.
        passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
        status: 'disabled',
        roles: [],
        recoveryCodeHashes: [],
        sessionEpoch: newSessionEpoch(),
      },
      $unset: { phone: 1, totp: 1, emailVerifiedAt: 1, lastLoginAt: 1, passwordChangedAt: 1 },
    },
  );
  await deleteSessionsOfUser(userId);
}

/**
 * Retention removes a volunteer account that stayed inactive past the municipality's period (after a
 * warning): the same deletion as the person's own, audited as done by the retention run.
 */
export async function removeInactiveAccount(userId: string): Promise<void> {
  const user = await findUserById(userId);
  if (!user || user.status === 'disabled') return;
  await eraseAccount(userId);
  await recordAudit({
    action: 'account.deleted',
    outcome: 'success',
    actorRole: 'retention',
    objectType: 'user',
    objectId: userId,
    purpose: 'retention',
  });
}

/**
 * Active accounts whose only role is volunteer and whose last login (or sign-up, if they never logged in)
 * lies before `lastActiveBefore`: the candidates for the inactive-volunteer retention.
 */
export async function inactiveVolunteers(
  lastActiveBefore: Date,
): Promise<Array<{ id: string; lastActiveAt: Date }>> {
  const users = await UserModel.find({ status: 'active' }, { roles: 1, lastLoginAt: 1, createdAt: 1 }).lean();
  return users
    .filter((user) => (user.roles ?? []).every((grant) => grant.role === 'volunteer'))
    .map((user) => ({ id: String(user._id), lastActiveAt: user.lastLoginAt ?? user.createdAt }))
    .filter((user) => user.lastActiveAt < lastActiveBefore);
}
