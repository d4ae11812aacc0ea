import {
  can,
  coordinatorsOf,
  grantRole,
  revokeRole,
  type Actor,
  type RequestContext,
} from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors/index.js';
import { MembershipModel } from './membership-model.js';
import { moveMembership } from './membership-service.js';

/**
 * What became of a coordinator's decision. Anything but "done" is a message on the members page, not an
 * error page: the person acted on a page that was right a moment ago.
 */
export type MemberActionOutcome =
  'done' | 'changed-meanwhile' | 'not-yourself' | 'already-coordinator' | 'last-coordinator';

/** The actor's own organisation and the person's membership of it; anyone outside it is a 404. */
async function ownMembership(actor: Actor, userId: string) {
  const organisationId = actor.organisationId;
  if (!organisationId || !can(actor, 'members:manage', { organisationId }) || !/^[0-9a-f]{24}$/.test(userId))
    throw new NotFoundError();
  const membership = await MembershipModel.findOne({ organisationId, userId }).lean();
  if (!membership) throw new NotFoundError();
  return { organisationId, status: membership.status };
}

async function audit(
  actor: Actor,
  action: string,
  userId: string,
  organisationId: string,
  context: RequestContext,
) {
  await recordAudit(
    {
      action,
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      objectType: 'user',
      objectId: userId,
      details: { organisationId },
    },
    context.origin,
  );
}

/** Runs a state change; a concurrent change by someone else becomes "changed meanwhile". */
async function guarded(work: () => Promise<void>): Promise<MemberActionOutcome> {
  try {
    await work();
    return 'done';
  } catch (error) {
    if (error instanceof ConflictError) return 'changed-meanwhile';
    throw error;
  }
}

const isCoordinator = async (organisationId: string, userId: string) =>
  (await coordinatorsOf(organisationId)).some((person) => person.id === userId);

/** Approves (active) or declines a join request. Two coordinators deciding at once: one decision lands. */
export async function decideJoinRequest(
  actor: Actor,
  userId: string,
  to: 'active' | 'declined',
  context: RequestContext,
): Promise<MemberActionOutcome> {
  const { organisationId } = await ownMembership(actor, userId);
  const outcome = await guarded(() =>
    moveMembership(organisationId, userId, to, actor.userId, ['requested']),
  );
  if (outcome === 'done')
    await audit(
      actor,
      to === 'active' ? 'membership.approved' : 'membership.declined',
      userId,
      organisationId,
      context,
    );
  return outcome;
}

/**
 * Removes an active member. A coordinator among them loses the role too (their sessions end). Coordinators
 * do not remove themselves (they hand over), so the organisation always keeps the acting coordinator.
 * Offers naming the person as the child's adult keep the name; a proposal checks membership exactly, so a
 * removed member is never proposed.
 */
export async function removeMember(
  actor: Actor,
  userId: string,
  context: RequestContext,
): Promise<MemberActionOutcome> {
  const { organisationId } = await ownMembership(actor, userId);
  if (userId === actor.userId) return 'not-yourself';
  const outcome = await guarded(() =>
    moveMembership(organisationId, userId, 'removed', actor.userId, ['active']),
  );
  if (outcome !== 'done') return outcome;
  await revokeRole(userId, { role: 'coordinator', organisationId }, actor.userId, context);
  await audit(actor, 'membership.removed', userId, organisationId, context);
  return outcome;
}

/** Shares the coordinator role with an active member (both are coordinators afterwards). */
export async function shareCoordinatorRole(
  actor: Actor,
  userId: string,
  context: RequestContext,
): Promise<MemberActionOutcome> {
  const { organisationId, status } = await ownMembership(actor, userId);
  if (status !== 'active') return 'changed-meanwhile';
  if (await isCoordinator(organisationId, userId)) return 'already-coordinator';
  await grantRole(userId, { role: 'coordinator', organisationId }, context, actor.userId);
  return 'done';
}

/**
 * Hands the role over: the member becomes coordinator first, then the actor's own grant ends, so at no
 * moment is the organisation without one. The actor's other sessions end; `currentSessionId` survives
 * with the returned epoch (the caller refreshes it) and shows the person's remaining roles.
 */
export async function handOverCoordinatorRole(
  actor: Actor,
  userId: string,
  context: RequestContext,
  currentSessionId: string,
): Promise<{ outcome: MemberActionOutcome; sessionEpoch?: string }> {
  const { organisationId, status } = await ownMembership(actor, userId);
  if (userId === actor.userId) return { outcome: 'not-yourself' };
  if (status !== 'active') return { outcome: 'changed-meanwhile' };
  if (!(await isCoordinator(organisationId, userId)))
    await grantRole(userId, { role: 'coordinator', organisationId }, context, actor.userId);
  const others = (await coordinatorsOf(organisationId)).filter((person) => person.id !== actor.userId);
  if (others.length === 0) return { outcome: 'last-coordinator' };
  const sessionEpoch = await revokeRole(
    actor.userId,
    { role: 'coordinator', organisationId },
    actor.userId,
    context,
    currentSessionId,
  );
  await audit(actor, 'coordinator.handed-over', userId, organisationId, context);
  return { outcome: 'done', sessionEpoch };
}
