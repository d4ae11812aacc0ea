import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import type { RequestContext } from './request-context.js';
import type { RoleGrant } from './roles.js';
import { UserModel } from './user-model.js';

/**
 * Adds a role to a person (e.g. coordinator of the organisation they just registered). Adding rights
 * leaves their sessions running: the new role shows in the role switcher on the next page.
 */
export async function grantRole(
  userId: string,
  grant: Pick<RoleGrant, 'role' | 'municipalityCode' | 'organisationId'>,
  context: RequestContext,
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
    { $set: { roles: [...others, { ...grant, active: true, grantedAt: new Date(), grantedBy: userId }] } },
  );
  await recordAudit(
    {
      action: 'role.granted',
      outcome: 'success',
      actorId: userId,
      municipalityCode: grant.municipalityCode,
      objectType: 'user',
      objectId: userId,
      details: { role: grant.role, organisationId: grant.organisationId },
    },
    context.origin,
  );
}
