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

declare global {
  namespace Express {
    interface Request {
      /**
       * Starts the session for a request that skipped it (a cookie-less GET), e.g. a page that puts a
       * CSRF token in a form. Set by the session middleware.
       */
      startSession?: () => Promise<void>;
    }
  }
}

declare module 'http' {
  interface IncomingMessage {
    /** The request id (also in X-Request-Id), set by request logging. */
    id?: string;
  }
}
