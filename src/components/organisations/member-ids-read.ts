import { MembershipModel } from './membership-model.js';

/** The user ids of one organisation's active members: no names, for counts over the members. */
export async function activeMemberIdsOf(organisationId: string): Promise<string[]> {
  const memberships = await MembershipModel.find({ organisationId, status: 'active' }, { userId: 1 })
    .limit(2000)
    .lean();
  return memberships.map((membership) => membership.userId);
}
