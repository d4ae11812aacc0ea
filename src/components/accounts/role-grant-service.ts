import { recordAudit } from '../../shared/audit/index.js';
import { retryOnConflict, writeNextVersion } from '../../shared/db/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { deleteSessionsOfUser } from '../../shared/session/index.js';
import type { RequestContext } from './request-context.js';
import type { RoleGrant } from './roles.js';
import { UserModel } from './user-model.js';
import { newSessionEpoch, type PersonSummary } from './user-service.js';

/**
 * Every change of a person's role grants: read, compute the new grants from what is stored, claim the
 * next version and write guarded on it (no atomic array updates on FerretDB, and an updatedAt guard is
 * not atomic there either). A lost race re-reads and computes again, so a grant on one instance and a
 * revocation on another end in one consistent state. `compute` returns undefined for "nothing to change";
 * `endSessions` also starts a new session epoch. Returns the grants before and after, or undefined.
 */
export async function changeRoleGrants(
  userId: string,
  compute: (roles: RoleGrant[]) => RoleGrant[] | undefined,
  options: { endSessions: boolean },
): Promise<{ before: RoleGrant[]; after: RoleGrant[]; sessionEpoch?: string } | undefined> {
  return retryOnConflict(async () => {
    const user = await UserModel.findById(userId, { roles: 1, writeVersion: 1 }).lean();
    if (!user) throw new NotFoundError();
    const before = (user.roles ?? []) as RoleGrant[];
    const after = compute(before);
    if (!after) return undefined;
    const sessionEpoch = options.endSessions ? newSessionEpoch() : undefined;
    await writeNextVersion(UserModel as never, userId, user.writeVersion ?? 0, {
      roles: after,
      ...(sessionEpoch ? { sessionEpoch } : {}),
    });
    return { before, after, sessionEpoch };
  });
}

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
  await changeRoleGrants(
    userId,
    (roles) => [
      ...roles.filter((existing) => !sameGrant(existing as GrantKey, grant)),
      { ...grant, active: true, grantedAt: new Date(), grantedBy: by },
    ],
    { endSessions: false },
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
 */
export async function revokeRole(
  userId: string,
  grant: GrantKey,
  by: string,
  context: RequestContext,
  keepSessionId?: string,
): Promise<string | undefined> {
  const changed = await changeRoleGrants(
    userId,
    (roles) => {
      const kept = roles.filter((existing) => !sameGrant(existing as GrantKey, grant));
      return kept.length === roles.length ? undefined : kept;
    },
    { endSessions: true },
  );
  if (!changed?.sessionEpoch) return undefined;
  const { sessionEpoch } = changed;
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
