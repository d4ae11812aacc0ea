import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

// Synchroniser tokens bound to the session (csrf-sync): a token from another session, from before
// login (the session is regenerated at login) or missing is refused on every state-changing request.
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody: unknown = req.body?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    const fromHeader = req.headers['x-csrf-token'];
    return typeof fromHeader === 'string' ? fromHeader : undefined;
  },
});

export const csrfProtection: RequestHandler = csrfSynchronisedProtection;

/** Puts a token in res.locals for the form partial. Creates the session, so use it on pages with forms. */
export const provideCsrfToken: RequestHandler = async (req, res, next) => {
  if (!req.session) await req.startSession?.();
  res.locals.csrfToken = generateToken(req);
  next();
};

export function csrfTokenFor(req: Request): string {
  return generateToken(req);
}
