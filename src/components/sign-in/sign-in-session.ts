import 'express-session';
import type { PendingSignIn } from './oidc-exchange.js';

declare module 'express-session' {
  interface SessionData {
    /** A sign-in through the municipality's provider under way: state, nonce and PKCE verifier. */
    providerSignIn?: PendingSignIn;
  }
}
