// trusted(): operators built here from server values; sanitizeFilter would neutralise them.
import { trusted } from 'mongoose';
import { describePeople, type AcceptedInvitation } from '../accounts/index.js';
import { announceWrite, isDuplicateKeyError } from '../../shared/db/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { MEMBERSHIPS_TOPIC } from './organisation-matching-read.js';
import { MembershipModel } from './membership-model.js';
import { MembershipStepModel } from './membership-step-model.js';
import { mayMoveMembership, type MembershipStatus } from './membership-rules.js';

type StoredMembership = NonNullable<Awaited<ReturnType<typeof readMembership>>>;
type MembershipEvent = { status: MembershipStatus; by: string; at: Date };

function readMembership(organisationId: string, userId: string) {
  return MembershipModel.findOne({ organisationId, userId }).lean();
}

/**
 * Applies a claimed step. Only the claim's holder, or someone rolling a stranded claim forward, writes
 * step n, and both write the same thing; the length guard keeps a late writer from undoing later steps.
 */
async function applyStep(
  organisationId: string,
  userId: string,
  current: StoredMembership | null,
  event: MembershipEvent,
): Promise<void> {
  if (!current) {
    try {
      await MembershipModel.create({ organisationId, userId, status: event.status, history: [event] });
    } catch (error) {
      // Someone rolled this very step forward first: the same membership exists.
      if (!isDuplicateKeyError(error)) throw error;
    }
    announceWrite(MEMBERSHIPS_TOPIC);
    return;
  }
  const step = current.history.length;
  await MembershipModel.updateOne(
    { _id: current._id, history: trusted({ $size: step }) },
    {
      $set: {
        status: event.status,
        history: [...current.history.map(({ status, by, at }) => ({ status, by, at })), event],
      },
    },
  );
  announceWrite(MEMBERSHIPS_TOPIC);
}

/** A step claimed but never applied (the process died in between) is applied now, before anything else. */
async function rollForward(organisationId: string, userId: string): Promise<StoredMembership | null> {
  let current = await readMembership(organisationId, userId);
  for (let attempts = 0; attempts < 3; attempts += 1) {
    const step = current?.history.length ?? 0;
    const stranded = await MembershipStepModel.findOne({ organisationId, userId, step }).lean();
    if (!stranded) return current;
    const { status, by, at } = stranded;
    await applyStep(organisationId, userId, current, { status: status as MembershipStatus, by, at });
    current = await readMembership(organisationId, userId);
  }
  return current;
}

/**
 * Moves a person's membership to a new state, appending who and when. The change first claims its step
 * (the n-th change) with a unique insert, so two coordinators deciding at once end with one decision and
 * one ConflictError, on FerretDB as on MongoDB.
 */
export async function moveMembership(
  organisationId: string,
  userId: string,
  to: MembershipStatus,
  by: string,
  expectedFrom?: readonly MembershipStatus[],
): Promise<void> {
  const current = await rollForward(organisationId, userId);
  const from = current?.status as MembershipStatus | undefined;
  if (!mayMoveMembership(from, to)) throw new ConflictError(`A membership cannot go from ${from} to ${to}`);
  // The caller decided on the state it showed the person; if it moved since, that decision is stale.
  if (expectedFrom && (!from || !expectedFrom.includes(from)))
    throw new ConflictError('The membership changed meanwhile');
  const event: MembershipEvent = { status: to, by, at: new Date() };
  try {
    await MembershipStepModel.create({
      organisationId,
      userId,
      step: current?.history.length ?? 0,
      ...event,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new ConflictError('The membership changed meanwhile');
    throw error;
  }
  await applyStep(organisationId, userId, current, event);
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
  /** Who made the latest change (the member, a coordinator, or "Slettet bruger" after a deletion). */
  changedBy?: string;
}

/** The organisation's memberships in the given states, with names, alphabetically. */
export async function listMemberships(
  organisationId: string,
  statuses: readonly MembershipStatus[] = ['active'],
): Promise<MemberView[]> {
  const memberships = await MembershipModel.find({ organisationId, status: trusted({ $in: statuses }) })
    .limit(2000)
    .lean();
  const people = await describePeople(
    memberships.flatMap((membership) => [membership.userId, membership.history.at(-1)?.by ?? '']),
  );
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
          changedBy: people.get(membership.history.at(-1)?.by ?? '')?.name,
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
