import type { Role } from './roles.js';

// Components above accounts learn here of what happens to accounts (organisations keeps memberships,
// vetting keeps records), so that accounts never imports them. Sets: createApp runs once per test and
// registers the same module-level functions again.

export interface AcceptedInvitation {
  userId: string;
  role: Role;
  organisationId?: string;
  municipalityCode?: string;
  invitedBy?: string;
}

type InvitationListener = (accepted: AcceptedInvitation) => Promise<void>;
const invitationListeners = new Set<InvitationListener>();

export function onInvitationAccepted(listener: InvitationListener): void {
  invitationListeners.add(listener);
}

/** Runs after the role is granted; a listener that fails leaves the grant (the page shows an error). */
export async function announceInvitationAccepted(accepted: AcceptedInvitation): Promise<void> {
  for (const listener of invitationListeners) await listener(accepted);
}

/**
 * A person's account is being deleted at their own request: each component removes or anonymises what
 * it holds about them before the account itself is anonymised, so a crash part-way leaves a deletion
 * that can simply be run again (every listener must be safe to repeat).
 */
type DeletionListener = (userId: string) => Promise<void>;
const deletionListeners = new Set<DeletionListener>();

export function onAccountDeleting(listener: DeletionListener): void {
  deletionListeners.add(listener);
}

export async function announceAccountDeleting(userId: string): Promise<void> {
  for (const listener of deletionListeners) await listener(userId);
}
