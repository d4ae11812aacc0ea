import { recordAudit } from '../../shared/audit/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors/index.js';
import { deleteSessionsOfUser } from '../../shared/session/index.js';
import { can } from './policy.js';
import type { RequestContext } from './request-context.js';
import { MUNICIPAL_STAFF_ROLES, type Actor, type MunicipalStaffRole } from './roles.js';
import { changeRoleGrants } from './role-grant-service.js';
import { UserModel } from './user-model.js';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: MunicipalStaffRole;
  active: boolean;
  lastLoginAt?: Date;
  isSelf: boolean;
}

const isStaffGrant = (grant: { role: string }) =>
  (MUNICIPAL_STAFF_ROLES as readonly string[]).includes(grant.role);

/** Staff of the actor's municipality; nobody from another municipality is ever in the list. */
export async function listStaff(actor: Actor): Promise<StaffMember[]> {
  if (!actor.municipalityCode || !can(actor, 'staff:manage', { municipalityCode: actor.municipalityCode }))
    throw new NotFoundError();
  const users = await UserModel.find({ 'roles.municipalityCode': actor.municipalityCode })
    .sort({ name: 1 })
    .limit(500)
    .lean();
  return users.flatMap((user) =>
    (user.roles ?? [])
      .filter((grant) => grant.municipalityCode === actor.municipalityCode && isStaffGrant(grant))
      .map((grant) => ({
        id: String(user._id),
        name: user.name,
        email: user.email,
        role: grant.role as MunicipalStaffRole,
        active: grant.active,
        lastLoginAt: user.lastLoginAt ?? undefined,
        isSelf: String(user._id) === actor.userId,
      })),
  );
}

/**
 * Changes one staff grant in the actor's municipality (role, or active/inactive): the one with the role
 * `grant` when given (someone may hold two, e.g. social worker and leader), otherwise their first. Any
 * change ends the person's sessions so the new rights apply at once. Someone outside the municipality is
 * a 404; a role they already hold there is a conflict (they would hold it twice).
 */
export async function changeStaffGrant(
  actor: Actor,
  userId: string,
  change: { role?: MunicipalStaffRole; active?: boolean },
  context: RequestContext,
  grant?: MunicipalStaffRole,
): Promise<void> {
  const municipalityCode = actor.municipalityCode;
  if (
    !municipalityCode ||
    !can(actor, 'staff:manage', { municipalityCode }) ||
    !/^[0-9a-f]{24}$/.test(userId)
  )
    throw new NotFoundError();
  const isTheGrant = (stored: { role: string; municipalityCode?: string | null }) =>
    stored.municipalityCode === municipalityCode &&
    isStaffGrant(stored) &&
    (grant === undefined || stored.role === grant);
  const user = await UserModel.findOne({ _id: userId, 'roles.municipalityCode': municipalityCode }).lean();
  const grantIndex = user?.roles?.findIndex(isTheGrant) ?? -1;
  if (!user || grantIndex < 0) throw new NotFoundError();
  if (userId === actor.userId) throw new ConflictError('You cannot change your own access');
  const holdsAlready = user.roles.some(
    (stored, at) =>
      at !== grantIndex && stored.municipalityCode === municipalityCode && stored.role === change.role,
  );
  if (change.role && holdsAlready) throw new ConflictError('The person already holds that role');

  const wasAdmin = user.roles[grantIndex].role === 'municipal-admin' && user.roles[grantIndex].active;
  const staysAdmin =
    (change.role ?? user.roles[grantIndex].role) === 'municipal-admin' &&
    (change.active ?? user.roles[grantIndex].active);
  if (wasAdmin && !staysAdmin && (await countActiveAdmins(municipalityCode)) <= 1)
    throw new ConflictError('The last administrator cannot be removed');

  // Computed again from the stored grants if another change landed between the read and the write.
  await changeRoleGrants(
    userId,
    (stored) => {
      const index = stored.findIndex(isTheGrant);
      if (index < 0) return undefined;
      return stored.map((held, at) => (at === index ? { ...held, ...change } : held));
    },
    { endSessions: true },
  );
  await deleteSessionsOfUser(userId);
  await recordAudit(
    {
      action: change.role ? 'staff.role-changed' : change.active ? 'staff.enabled' : 'staff.disabled',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode,
      objectType: 'user',
      objectId: userId,
      details: { from: user.roles[grantIndex].role, ...change },
    },
    context.origin,
  );
}

async function countActiveAdmins(municipalityCode: string): Promise<number> {
  const admins = await UserModel.find({
    'roles.municipalityCode': municipalityCode,
    'roles.role': 'municipal-admin',
  }).lean();
  return admins.filter(
    (user) =>
      user.status === 'active' &&
      user.roles.some(
        (grant) =>
          grant.municipalityCode === municipalityCode && grant.role === 'municipal-admin' && grant.active,
      ),
  ).length;
}
