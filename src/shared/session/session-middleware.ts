import type { RequestHandler } from 'express';
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
export function sessionMiddleware(settings: SessionSettings): RequestHandler {
  const store = MongoStore.create({
    client: mongoose.connection.getClient(),
    collectionName: 'sessions',
    stringify: false,
    // FerretDB rejects TTL indexes and w:0 writes, so connect-mongo's own expiry is off;
    // a scheduled job deletes expired sessions, and reads ignore them already.
    autoRemove: 'disabled',
    // Rolling expiry without a database write on every request.
    touchAfter: 60,
  });
  return session({
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
}
