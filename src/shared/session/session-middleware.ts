import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';

export interface SessionSettings {
  secret: string;
  idleMs: number;
  production: boolean;
}

/** The cookie name: the __Host- prefix (Secure, Path=/, no Domain) where cookies are Secure. */
export function sessionCookieName(production: boolean): string {
  return production ? '__Host-brobygning' : 'brobygning';
}

/**
 * Sessions in the database, so any app instance can serve any request. The cookie's expiry rolls forward
 * with activity (the idle timeout); the absolute timeout is checked separately from the login time.
 */
export function sessionMiddleware(settings: SessionSettings): RequestHandler[] {
  const store = MongoStore.create({
    client: mongoose.connection.getClient(),
    // The same database as every model (the client alone would fall back to the driver's `test`).
    dbName: mongoose.connection.name || undefined,
    collectionName: 'sessions',
    stringify: false,
    // FerretDB rejects TTL indexes and w:0 writes, so connect-mongo's own expiry is off;
    // a scheduled job deletes expired sessions, and reads ignore them already.
    autoRemove: 'disabled',
    // Rolling expiry without a database write on every request.
    touchAfter: 60,
  });
  const sessions = session({
    name: sessionCookieName(settings.production),
    secret: settings.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: settings.production,
      path: '/',
      maxAge: settings.idleMs,
    },
  });
  const cookieName = sessionCookieName(settings.production);
  const lazySessions: RequestHandler = (req, res, next) => {
    if (!isAnonymousRead(req, cookieName)) {
      sessions(req, res, next);
      return;
    }
    // Most visitors read public pages without a session: no store lookup, no id, no cookie. A page
    // that needs one (a form's CSRF token) starts it here, on the same request.
    req.startSession = () =>
      new Promise((resolve, reject) =>
        sessions(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
    next();
  };
  return [lazySessions, saveSessionBeforeRedirect];
}

/** A GET or HEAD without our session cookie: there is no session to load and nothing to change. */
function isAnonymousRead(req: Request, cookieName: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const cookies = req.headers.cookie;
  return !cookies || !cookies.includes(`${cookieName}=`);
}

/**
 * express-session saves a changed session while the response is already on its way, and a browser
 * follows a redirect as soon as it sees the headers: the next request could then read the session as it
 * was before (no login time after login, no flash message). So a session that holds anything is saved
 * first, and only then is the redirect sent.
 */
export const saveSessionBeforeRedirect: RequestHandler = (req, res, next) => {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    const current = req.session as (typeof req.session & Record<string, unknown>) | undefined;
    const holdsSomething = current && Object.keys(current).some((key) => key !== 'cookie');
    if (!holdsSomething) return redirect(...args);
    current.save((error) => (error ? next(error) : redirect(...args)));
  }) as typeof res.redirect;
  next();
};
