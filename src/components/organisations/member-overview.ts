import { coordinatorsOf } from '../accounts/index.js';
import { listMemberships } from './membership-service.js';

/** What the members page shows: members (coordinators marked), join requests, and earlier members. */
export async function membersOverview(organisationId: string, viewerId: string) {
  const [memberships, coordinators] = await Promise.all([
    listMemberships(organisationId, ['active', 'requested', 'left', 'removed', 'declined']),
    coordinatorsOf(organisationId),
  ]);
  const coordinatorIds = new Set(coordinators.map((person) => person.id));
  return {
    members: memberships
      .filter((member) => member.status === 'active')
      .map((member) => ({
        ...member,
        isCoordinator: coordinatorIds.has(member.userId),
        isSelf: member.userId === viewerId,
      })),
    requests: memberships.filter((member) => member.status === 'requested'),
    earlier: memberships
      .filter((member) => ['left', 'removed', 'declined'].includes(member.status))
      .sort((a, b) => b.since.getTime() - a.since.getTime()),
  };
}
