import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** Duplicated from passport's data so the store can find a user's sessions (log out everywhere). */
    userId?: string;
    authenticatedAt?: number;
    /** True once the password step is done but the second factor is still owed. */
    secondFactorPending?: boolean;
    secondFactorAt?: number;
    /** Which of the user's role grants they are acting in (index into their active grants). */
    activeGrant?: number;
    pendingTotpSecret?: string;
    returnTo?: string;
    /** An account that logged in with the right password before verifying its e-mail (for "send again"). */
    unverifiedUserId?: string;
    userAgent?: string;
    flash?: { kind: 'success' | 'info' | 'warning'; messageKey: string };
  }
}
