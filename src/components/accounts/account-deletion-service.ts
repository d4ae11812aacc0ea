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
  await announceAccountDeleting(userId);
  await UserModel.updateOne(
    { _id: user._id },
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
  // The entry names only the (now anonymous) id: no name or address outlives the deletion here either.
  await recordAudit(
    { action: 'account.deleted', outcome: 'success', actorId: userId, objectType: 'user', objectId: userId },
    context.origin,
  );
}
