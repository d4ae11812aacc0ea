import { recordAudit } from '../../shared/audit/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors/index.js';
import { deleteSessionsOfUser } from '../../shared/session/index.js';
import type { RequestContext } from './request-context.js';
import type { RoleGrant } from './roles.js';
import { UserModel } from './user-model.js';
import { newSessionEpoch, type PersonSummary } from './user-service.js';

/**
 * Adds a role to a person (e.g. coordinator of the organisation they just registered). Adding rights
 * leaves their sessions running: the new role shows in the role switcher on the next page.
 */
export async function grantRole(
  userId: string,
  grant: Pick<RoleGrant, 'role' | 'municipalityCode' | 'organisationId'>,
  context: RequestContext,
  by: string = userId,
): Promise<void> {
  const user = await UserModel.findById(userId).lean();
  if (!user) throw new NotFoundError();
  const same = (other: Pick<RoleGrant, 'role' | 'municipalityCode' | 'organisationId'>) =>
    other.role === grant.role &&
    (other.municipalityCode ?? undefined) === grant.municipalityCode &&
    (other.organisationId ?? undefined) === grant.organisationId;
  const others = (user.roles ?? []).filter((existing) => !same(existing as never));
  // The whole array is written (no positional updates on FerretDB 1.x).
  await UserModel.updateOne(
    { _id: user._id },
    { $set: { roles: [...others, { ...grant, active: true, grantedAt: new Date(), grantedBy: by }] } },
  );
  await recordAudit(
    {
      action: 'role.granted',
      outcome: 'success',
      actorId: by,
      municipalityCode: grant.municipalityCode,
      objectType: 'user',
      objectId: userId,
      details: { role: grant.role, organisationId: grant.organisationId },
    },
    context.origin,
  );
}

type GrantKey = Pick<RoleGrant, 'role' | 'municipalityCode' | 'organisationId'>;

const sameGrant = (a: GrantKey, b: GrantKey) =>
  a.role === b.role &&
  (a.municipalityCode ?? undefined) === (b.municipalityCode ?? undefined) &&
  (a.organisationId ?? undefined) === (b.organisationId ?? undefined);

/**
 * Takes a role away (e.g. a coordinator handing over). Fewer rights must apply at once, so every session
 * of the person ends (a new epoch, and their stored sessions deleted), except `keepSessionId`: the
 * caller's own session when they revoke their own role (refreshSessionEpoch with the returned epoch).
 * The write lands only if the person was not changed meanwhile (no atomic array updates on FerretDB).
 */
export async function revokeRole(
  userId: string,
  grant: GrantKey,
  by: string,
  context: RequestContext,
  keepSessionId?: string,
): Promise<string | undefined> {
  const user = await UserModel.findById(userId).lean();
  if (!user) throw new NotFoundError();
  const roles = (user.roles ?? []).filter((existing) => !sameGrant(existing as GrantKey, grant));
  if (roles.length === (user.roles ?? []).length) return undefined;
  const sessionEpoch = newSessionEpoch();
  const result = await UserModel.updateOne(
    { _id: user._id, updatedAt: user.updatedAt },
    { $set: { roles, sessionEpoch } },
  );
  if (result.matchedCount === 0) throw new ConflictError('The person changed meanwhile');
  await deleteSessionsOfUser(userId, keepSessionId);
  await recordAudit(
    {
      action: 'role.revoked',
      outcome: 'success',
      actorId: by,
      municipalityCode: grant.municipalityCode,
      objectType: 'user',
      objectId: userId,
      details: { role: grant.role, organisationId: grant.organisationId },
    },
    context.origin,
  );
  return sessionEpoch;
}

/** Active people with an active coordinator grant for the organisation (for mails and the last-one rule). */
export async function coordinatorsOf(organisationId: string): Promise<PersonSummary[]> {
  const users = await UserModel.find({ 'roles.organisationId': organisationId, status: 'active' })
    .limit(200)
    .lean();
  return users
    .filter((user) =>
      (user.roles ?? []).some(
        (grant) => grant.role === 'coordinator' && grant.organisationId === organisationId && grant.active,
      ),
    )
    .map((user) => ({
      id: String(user._id),
      name: user.name,
      email: user.email,
      language: user.language === 'en' ? 'en' : 'da',
      active: true,
    }));
}

/** Active people with an active social-worker grant in the municipality (a request's team, for transfer). */
export async function socialWorkersOf(municipalityCode: string): Promise<PersonSummary[]> {
  const users = await UserModel.find({ 'roles.municipalityCode': municipalityCode, status: 'active' })
    .limit(500)
    .lean();
  return users
    .filter((user) =>
      (user.roles ?? []).some(
        (grant) =>
          grant.role === 'social-worker' && grant.municipalityCode === municipalityCode && grant.active,
      ),
    )
    .map((user) => ({
      id: String(user._id),
      name: user.name,
      email: user.email,
      language: user.language === 'en' ? ('en' as const) : ('da' as const),
      active: true,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
