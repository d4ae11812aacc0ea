import type { Request, RequestHandler } from 'express';
import { NotFoundError } from '../../shared/errors/index.js';
import { safeLocalPath } from '../../shared/http/index.js';
import { actorFor, type SessionUser } from './actor.js';
import { can, POLICY, type Action } from './policy.js';
import type { Actor } from './roles.js';

// While the second factor is owed, only these actions are open (the challenge, enrolment, logout).
const OPEN_WHILE_SECOND_FACTOR_PENDING: readonly Action[] = ['auth:use', 'auth:second-factor'];

export function currentUser(req: Request): SessionUser | undefined {
  return req.user as SessionUser | undefined;
}

export function currentActor(req: Request): Actor | undefined {
  const user = currentUser(req);
  return user ? actorFor(user, req.session?.activeGrant) : undefined;
}

/**
 * The guard in front of every route: anonymous visitors are sent to log in (a page they asked for is
 * remembered), a pending second factor is demanded first, and anything the policy denies is a 404 so
 * that nothing about its existence leaks. Errors inside deny (can() fails closed).
 */
export function authorize(action: Action): RequestHandler {
  return (req, res, next) => {
    const user = currentUser(req);
    const rule = POLICY[action];
    if (!user) {
      if (rule.anonymous) return next();
      if (req.method !== 'GET') return res.redirect(303, '/log-ind');
      // Remember the page for after login; a cookie-less visitor gets a session for that.
      const remember = req.session ? Promise.resolve() : (req.startSession?.() ?? Promise.resolve());
      remember.then(() => {
        if (req.session) req.session.returnTo = safeLocalPath(req.originalUrl);
        res.redirect(303, '/log-ind');
      }, next);
      return;
    }
    if (req.session.secondFactorPending && !OPEN_WHILE_SECOND_FACTOR_PENDING.includes(action)) {
      return res.redirect(303, user.hasTotp ? '/log-ind/totp' : '/konto/totp/opsaet');
    }
    const actor = currentActor(req);
    const allowed = rule.roles === 'any' ? true : can(actor, action);
    if (!allowed) return next(new NotFoundError());
    res.locals.actor = actor;
    next();
  };
}
