import { trusted } from 'mongoose';
import {
  can,
  coordinatorsOf,
  describePeople,
  revokeRole,
  type Actor,
  type RequestContext,
} from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { MembershipModel } from './membership-model.js';
import type { MembershipStatus } from './membership-rules.js';
import { moveMembership } from './membership-service.js';
import { OrganisationModel } from './organisation-model.js';
import { describeOrganisations, findOrganisation } from './organisation-service.js';

export type JoinOutcome = 'done' | 'already' | 'not-a-member' | 'last-coordinator' | 'changed-meanwhile';

/** Regular-expression characters typed into a search box are searched for as themselves. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Organisations a volunteer may ask to join: approved in at least one municipality (status "approved"
 * means exactly that, see overallStatus), optionally in one municipality and with a name containing the
 * search text. At most 100, by name.
 */
export async function listJoinableOrganisations(filter: { municipalityCode?: string; search?: string }) {
  const query: Record<string, unknown> = filter.municipalityCode
    ? { activeIn: filter.municipalityCode }
    : { status: 'approved' };
  // trusted(): the pattern is escaped above, so it matches the typed text literally.
  if (filter.search) query.name = trusted({ $regex: escapeRegex(filter.search), $options: 'i' });
  const found = await OrganisationModel.find(query, {
    name: 1,
    kind: 1,
    postcode: 1,
    description: 1,
    activeIn: 1,
  })
    .sort({ name: 1 })
    .limit(100)
    .lean();
  return found.map((organisation) => ({
    id: String(organisation._id),
    name: organisation.name,
    kind: organisation.kind as string,
    postcode: organisation.postcode,
    description: organisation.description,
    activeIn: organisation.activeIn,
  }));
}

/** The person's memberships with the organisations' names, newest change first. */
export async function organisationsOfMember(userId: string) {
  const memberships = await MembershipModel.find({ userId }).limit(200).lean();
  const names = await describeOrganisations(memberships.map((membership) => membership.organisationId));
  return memberships
    .map((membership) => ({
      organisationId: membership.organisationId,
      organisationName: names.get(membership.organisationId)?.name ?? '',
      status: membership.status as MembershipStatus,
      changedAt: membership.history.at(-1)?.at ?? membership.createdAt,
    }))
    .sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
}

const mayJoin = (actor: Actor) => can(actor, 'volunteer:manage-own', { ownerId: actor.userId });

/** A volunteer asks to join; the organisation's coordinators are told by e-mail (through the outbox). */
export async function requestToJoin(
  actor: Actor,
  organisationId: string,
  context: RequestContext,
): Promise<JoinOutcome> {
  const organisation = await findOrganisation(organisationId);
  if (!organisation || organisation.activeIn.length === 0 || !mayJoin(actor)) throw new NotFoundError();
  try {
    await moveMembership(organisationId, actor.userId, 'requested', actor.userId);
  } catch (error) {
    if (error instanceof ConflictError) return 'already';
    throw error;
  }
  await recordAudit(
    {
      action: 'membership.requested',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      objectType: 'organisation',
      objectId: organisationId,
    },
    context.origin,
  );
  const volunteer = (await describePeople([actor.userId])).get(actor.userId);
  for (const coordinator of await coordinatorsOf(organisationId)) {
    await enqueueMail({
      to: coordinator.email,
      template: 'join-request',
      language: coordinator.language,
      data: {
        volunteerName: volunteer?.name ?? '',
        organisationName: organisation.name,
        link: `${context.baseUrl}/forening/medlemmer`,
      },
    });
  }
  kickDelivery();
  return 'done';
}

/**
 * A volunteer leaves (or withdraws a request). A coordinator of the organisation gives up that role too;
 * the last one must hand it over first. Returns the new session epoch when a role ended.
 */
export async function leaveOrganisation(
  actor: Actor,
  organisationId: string,
  context: RequestContext,
  currentSessionId: string,
): Promise<{ outcome: JoinOutcome; sessionEpoch?: string }> {
  if (!(await findOrganisation(organisationId)) || !mayJoin(actor)) throw new NotFoundError();
  const membership = await MembershipModel.findOne({ organisationId, userId: actor.userId }).lean();
  if (!membership || !['active', 'requested'].includes(membership.status)) return { outcome: 'not-a-member' };
  const coordinators = await coordinatorsOf(organisationId);
  const isCoordinator = coordinators.some((person) => person.id === actor.userId);
  if (isCoordinator && coordinators.length <= 1) return { outcome: 'last-coordinator' };
  try {
    await moveMembership(organisationId, actor.userId, 'left', actor.userId, [
      membership.status as MembershipStatus,
    ]);
  } catch (error) {
    if (error instanceof ConflictError) return { outcome: 'changed-meanwhile' };
    throw error;
  }
  const sessionEpoch = isCoordinator
    ? await revokeRole(
        actor.userId,
        { role: 'coordinator', organisationId },
        actor.userId,
        context,
        currentSessionId,
      )
    : undefined;
  await recordAudit(
    {
      action: 'membership.left',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      objectType: 'organisation',
      objectId: organisationId,
    },
    context.origin,
  );
  return { outcome: 'done', sessionEpoch };
}

/**
 * Account deletion: every active or pending membership becomes "left", keeping the history (who/when;
 * the ids now name an anonymised account). Safe to run again: nothing is active the second time.
 */
export async function leaveAllOnDeletion(userId: string): Promise<void> {
  const open = await MembershipModel.find({
    userId,
    status: trusted({ $in: ['active', 'requested'] }),
  }).lean();
  for (const membership of open) {
    try {
      await moveMembership(membership.organisationId, userId, 'left', userId);
    } catch (error) {
      // Someone changed it meanwhile (e.g. a coordinator removed them): it is no longer open either way.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
