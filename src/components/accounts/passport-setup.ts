import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { SessionUser } from './actor.js';
import { authenticate, type LoginResult } from './login-service.js';
import type { RequestContext } from './request-context.js';
import { loadSessionUser } from './user-service.js';

interface SerializedUser {
  id: string;
  epoch: string;
}

/**
 * passport keeps { id, epoch } in the session and reloads the user on every request: a disabled
 * account, or one whose sessions were ended (new epoch), is logged out at its next request.
 */
export function configurePassport(contextFor: (req: Express.Request) => RequestContext): typeof passport {
  passport.use(
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password', passReqToCallback: true },
      (req, email, password, done) => {
        authenticate(email, password, contextFor(req)).then(
          (result: LoginResult) =>
            result.ok
              ? done(null, result.user)
              : done(null, false, {
                  message: result.reason,
                  ...('userId' in result ? { userId: result.userId } : {}),
                }),
          done,
        );
      },
    ),
  );
  passport.serializeUser((user, done) => {
    const sessionUser = user as SessionUser;
    done(null, { id: sessionUser.id, epoch: sessionUser.sessionEpoch } satisfies SerializedUser);
  });
  passport.deserializeUser((serialized: SerializedUser, done) => {
    loadSessionUser(serialized.id, serialized.epoch).then((user) => done(null, user ?? false), done);
  });
  return passport;
}
