import type { Request } from 'express';
import type { SessionUser } from './actor.js';
import { requiresSecondFactor } from './roles.js';

/** Where a person lands after logging in, switching role or following the logo: their role's home. */
export const HOME_PATH = '/overblik';

export interface LoginOptions {
  /**
   * The person already gave a second factor elsewhere: the municipality's identity provider asserted an
   * assurance at or above the level the municipality configured. The TOTP step is then not asked.
   */
  secondFactorSatisfied?: boolean;
}

/**
 * Logs the user in on a fresh session id (passport ≥ 0.6 regenerates the session, which also drops any
 * CSRF token from before login). Only the page they were heading for survives the switch.
 */
export function completeLogin(req: Request, user: SessionUser, options: LoginOptions = {}): Promise<string> {
  const returnTo = req.session.returnTo;
  return new Promise((resolve, reject) => {
    req.login(user, (error) => {
      if (error) return reject(error);
      req.session.userId = user.id;
      req.session.authenticatedAt = Date.now();
      req.session.userAgent = req.get('user-agent')?.slice(0, 200);
      req.session.secondFactorPending =
        !options.secondFactorSatisfied && (user.hasTotp || requiresSecondFactor(user.grants));
      if (options.secondFactorSatisfied) req.session.secondFactorAt = Date.now();
      req.session.activeGrant = 0;
      if (req.session.secondFactorPending) {
        req.session.returnTo = returnTo;
        return resolve(user.hasTotp ? '/log-ind/totp' : '/konto/totp/opsaet');
      }
      resolve(returnTo ?? HOME_PATH);
    });
  });
}

/** After a change that gave the user a new session epoch, keep the current session valid. */
export function refreshSessionEpoch(req: Request, sessionEpoch: string): Promise<void> {
  const user = req.user as SessionUser;
  return new Promise((resolve, reject) => {
    req.login({ ...user, sessionEpoch }, { session: true, keepSessionInfo: true }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
}
