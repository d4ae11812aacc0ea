/**
 * A person's membership of an organisation, as explicit states with who/when (the history):
 * requested → active (approved) or declined; active → left (by the member) or removed (by a coordinator);
 * anyone who is no longer a member may ask again or be invited again.
 */
export const MEMBERSHIP_STATUSES = ['requested', 'active', 'declined', 'left', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

const NEXT: Record<MembershipStatus, readonly MembershipStatus[]> = {
  requested: ['active', 'declined', 'left'],
  active: ['left', 'removed'],
  declined: ['requested', 'active'],
  left: ['requested', 'active'],
  removed: ['requested', 'active'],
};

export function mayMoveMembership(from: MembershipStatus | undefined, to: MembershipStatus): boolean {
  // A person with no membership yet may ask to join or be made a member (an accepted invitation).
  if (from === undefined) return to === 'requested' || to === 'active';
  return NEXT[from].includes(to);
}
