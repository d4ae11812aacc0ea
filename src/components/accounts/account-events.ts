import { listenersOf, signal } from '../../shared/wiring/index.js';
import type { Role } from './roles.js';

// Components above accounts learn here of what happens to accounts (organisations keeps memberships,
// vetting keeps records), so that accounts never imports them: they listen where the app is assembled.

export interface AcceptedInvitation {
  userId: string;
  role: Role;
  organisationId?: string;
  municipalityCode?: string;
  invitedBy?: string;
}

type InvitationListener = (accepted: AcceptedInvitation) => Promise<void>;
export const invitationAcceptedSignal = signal<InvitationListener>('accounts.invitation-accepted');

/** Runs after the role is granted; a listener that fails leaves the grant (the page shows an error). */
export async function announceInvitationAccepted(accepted: AcceptedInvitation): Promise<void> {
  for (const listener of listenersOf(invitationAcceptedSignal)) await listener(accepted);
}

/**
 * A person's account is being deleted at their own request: each component removes or anonymises what
 * it holds about them before the account itself is anonymised, so a crash part-way leaves a deletion
 * that can simply be run again (every listener must be safe to repeat).
 */
type DeletionListener = (userId: string) => Promise<void>;
export const accountDeletingSignal = signal<DeletionListener>('accounts.account-deleting');

export async function announceAccountDeleting(userId: string): Promise<void> {
  for (const listener of listenersOf(accountDeletingSignal)) await listener(userId);
}
