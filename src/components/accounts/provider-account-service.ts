import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../shared/audit/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { deleteSessionsOfUser } from '../../shared/session/index.js';
import type { SessionUser } from './actor.js';
import { normaliseEmail } from './email-address.js';
import { hashPassword } from './password-hashing.js';
import type { RequestContext } from './request-context.js';
import { changeRoleGrants } from './role-grant-service.js';
import { MUNICIPAL_STAFF_ROLES, type MunicipalStaffRole, type RoleGrant } from './roles.js';
import { UserModel } from './user-model.js';
import { findUserByEmail, findUserById, newSessionEpoch, toSessionUser } from './user-service.js';

// Grants made or taken by a municipality's identity provider name it as their source, not a person.
const BY_PROVIDER = 'identity-provider';

export interface ProviderIdentity {
  email: string;
  name: string;
  municipalityCode: string;
  /** The municipal roles the person's groups grant right now (never empty: no role, no account). */
  roles: readonly MunicipalStaffRole[];
}

export type ProviderSignInResult =
  { ok: true; user: SessionUser; created: boolean } | { ok: false; reason: 'disabled' | 'platform-account' };

/**
 * The account of a person the municipality's identity provider vouched for: found by e-mail address,
 * or created just in time with the roles their groups grant. Their municipal roles in that municipality
 * are then brought in line with the groups (roles elsewhere are left alone).
 */
export async function signInFromProvider(
  identity: ProviderIdentity,
  context: RequestContext,
): Promise<ProviderSignInResult> {
  const email = normaliseEmail(identity.email);
  let user = await findUserByEmail(email);
  let created = false;
  if (!user) {
    created = await createProviderAccount({ ...identity, email }, context);
    user = await findUserByEmail(email);
    if (!user) throw new Error('The account just created cannot be read');
  }
  const userId = String(user._id);
  // A municipality's provider never signs in a platform administrator: that account is the platform's.
  const platformAccount = (user.roles ?? []).some((grant) => grant.role === 'platform-admin' && grant.active);
  if (user.status === 'disabled' || platformAccount) {
    await recordAudit(
      {
        action: 'login',
        outcome: 'denied',
        actorId: userId,
        municipalityCode: identity.municipalityCode,
        objectType: 'user',
        objectId: userId,
        details: { reason: platformAccount ? 'platform-account' : 'disabled', via: 'identity-provider' },
      },
      context.origin,
    );
    return { ok: false, reason: platformAccount ? 'platform-account' : 'disabled' };
  }
  // An address never confirmed by mail: the municipality's provider has now vouched for it. Whoever
  // signed up with it may not be its owner, so their password, second factor and sessions go with it.
  if (user.status === 'unverified') await confirmByProvider(userId);
  if (!created) await alignMunicipalRoles(userId, identity.municipalityCode, identity.roles, context);
  await UserModel.updateOne({ _id: userId }, { $set: { lastLoginAt: new Date() } });
  await recordAudit(
    {
      action: 'login',
      outcome: 'success',
      actorId: userId,
      municipalityCode: identity.municipalityCode,
      objectType: 'user',
      objectId: userId,
      details: { via: 'identity-provider' },
    },
    context.origin,
  );
  const fresh = await findUserById(userId);
  if (!fresh) throw new Error('The account cannot be read');
  return { ok: true, user: toSessionUser(fresh), created };
}

/**
 * The provider vouched for the person but none of their groups grants a role any more: if they have an
 * account, its municipal roles in that municipality end now (audited, sessions ended). No account is made.
 */
export async function withdrawProviderRoles(
  email: string,
  municipalityCode: string,
  context: RequestContext,
): Promise<void> {
  const user = await findUserByEmail(normaliseEmail(email));
  if (!user) return;
  await alignMunicipalRoles(String(user._id), municipalityCode, [], context);
}

async function confirmByProvider(userId: string): Promise<void> {
  // Only while still unconfirmed: an owner who confirmed by mail meanwhile keeps their password and factor.
  const { modifiedCount } = await UserModel.updateOne(
    { _id: userId, status: 'unverified' },
    {
      $set: {
        status: 'active',
        emailVerifiedAt: new Date(),
        // Nobody knows this password: the person signs in through their municipality.
        passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
        recoveryCodeHashes: [],
        sessionEpoch: newSessionEpoch(),
      },
      $unset: { totp: 1 },
    },
  );
  if (modifiedCount > 0) await deleteSessionsOfUser(userId);
}

/** Returns false when another sign-in of the same person created the account a moment earlier. */
async function createProviderAccount(identity: ProviderIdentity, context: RequestContext): Promise<boolean> {
  const grantedAt = new Date();
  try {
    const user = await UserModel.create({
      email: identity.email,
      name: identity.name.slice(0, 120),
      language: context.language,
      // Nobody knows this password: the person signs in through their municipality.
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      status: 'active',
      emailVerifiedAt: grantedAt,
      roles: identity.roles.map((role) => ({
        role,
        municipalityCode: identity.municipalityCode,
        active: true,
        grantedAt,
        grantedBy: BY_PROVIDER,
      })),
      sessionEpoch: newSessionEpoch(),
    });
    await recordAudit(
      {
        action: 'account.created',
        outcome: 'success',
        actorId: String(user._id),
        municipalityCode: identity.municipalityCode,
        objectType: 'user',
        objectId: String(user._id),
        details: { via: 'identity-provider', roles: [...identity.roles] },
      },
      context.origin,
    );
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

const isMunicipalRole = (role: string): role is MunicipalStaffRole =>
  (MUNICIPAL_STAFF_ROLES as readonly string[]).includes(role);

/**
 * The municipal roles in one municipality become exactly `roles`. A change ends every session of the
 * person (fewer rights must apply at once; the sign-in under way then starts a fresh one).
 */
async function alignMunicipalRoles(
  userId: string,
  municipalityCode: string,
  roles: readonly MunicipalStaffRole[],
  context: RequestContext,
): Promise<void> {
  const governed = (grant: RoleGrant) =>
    grant.municipalityCode === municipalityCode && isMunicipalRole(grant.role);
  let added: MunicipalStaffRole[] = [];
  let removed: MunicipalStaffRole[] = [];
  const changed = await changeRoleGrants(
    userId,
    (grants) => {
      const held = grants.filter((grant) => governed(grant) && grant.active).map((grant) => grant.role);
      added = roles.filter((role) => !held.includes(role));
      removed = held.filter(
        (role): role is MunicipalStaffRole => isMunicipalRole(role) && !roles.includes(role),
      );
      if (added.length === 0 && removed.length === 0) return undefined;
      const kept = grants.filter(
        (grant) => !governed(grant) || (grant.active && roles.includes(grant.role as never)),
      );
      const grantedAt = new Date();
      return [
        ...kept,
        ...added.map((role) => ({ role, municipalityCode, active: true, grantedAt, grantedBy: BY_PROVIDER })),
      ];
    },
    { endSessions: true },
  );
  if (!changed) return;
  await deleteSessionsOfUser(userId);
  for (const [action, list] of [
    ['role.granted', added],
    ['role.revoked', removed],
  ] as const) {
    for (const role of list) {
      await recordAudit(
        {
          action,
          outcome: 'success',
          actorId: userId,
          municipalityCode,
          objectType: 'user',
          objectId: userId,
          details: { role, via: 'identity-provider' },
        },
        context.origin,
      );
    }
  }
}
