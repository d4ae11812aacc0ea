import { describePeople, type AcceptedInvitation } from '../accounts/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { MembershipModel } from './membership-model.js';
import { mayMoveMembership, type MembershipStatus } from './membership-rules.js';

/**
 * Moves a person's membership to a new state, appending who and when. The write lands only if the
 * membership is still in the state it was read in (FerretDB has no atomic read-modify-write), so two
 * coordinators deciding at once end with one decision and one ConflictError.
 */
export async function moveMembership(
  organisationId: string,
  userId: string,
  to: MembershipStatus,
  by: string,
): Promise<void> {
  const current = await MembershipModel.findOne({ organisationId, userId }).lean();
  const from = current?.status as MembershipStatus | undefined;
  if (!mayMoveMembership(from, to)) throw new ConflictError(`A membership cannot go from ${from} to ${to}`);
  const event = { status: to, by, at: new Date() };
  if (!current) {
    try {
      await MembershipModel.create({ organisationId, userId, status: to, history: [event] });
    } catch (error) {
      if ((error as { code?: number }).code === 11000)
        throw new ConflictError('The membership was created meanwhile');
      throw error;
    }
    return;
  }
  const result = await MembershipModel.updateOne(
    { _id: current._id, status: current.status, updatedAt: current.updatedAt },
    { $set: { status: to, history: [...current.history, event] } },
  );
  if (result.matchedCount === 0) throw new ConflictError('The membership changed meanwhile');
}

export async function isActiveMember(organisationId: string, userId: string): Promise<boolean> {
  return (await MembershipModel.countDocuments({ organisationId, userId, status: 'active' })) > 0;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  status: MembershipStatus;
  since: Date;
}

/** The organisation's memberships in the given states, with names, alphabetically. */
export async function listMemberships(
  organisationId: string,
  statuses: readonly MembershipStatus[] = ['active'],
): Promise<MemberView[]> {
  const memberships = await MembershipModel.find({ organisationId, status: { $in: statuses } })
    .limit(2000)
    .lean();
  const people = await describePeople(memberships.map((membership) => membership.userId));
  return memberships
    .flatMap((membership) => {
      const person = people.get(membership.userId);
      if (!person) return [];
      return [
        {
          userId: membership.userId,
          name: person.name,
          email: person.email,
          status: membership.status as MembershipStatus,
          since: membership.history.at(-1)?.at ?? membership.createdAt,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** The organisations a person belongs to or has asked to join, with the state of each. */
export async function membershipsOf(userId: string) {
  const memberships = await MembershipModel.find({ userId }).limit(200).lean();
  return memberships.map((membership) => ({
    organisationId: membership.organisationId,
    status: membership.status as MembershipStatus,
    changedAt: membership.history.at(-1)?.at ?? membership.createdAt,
  }));
}

/** An accepted invitation to an organisation makes the person an active member (the grant already exists). */
export async function admitInvitedMember(accepted: AcceptedInvitation): Promise<void> {
  if (!accepted.organisationId) return;
  if (await isActiveMember(accepted.organisationId, accepted.userId)) return;
  await moveMembership(
    accepted.organisationId,
    accepted.userId,
    'active',
    accepted.invitedBy ?? accepted.userId,
  );
}
