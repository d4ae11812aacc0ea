import type { Request, RequestHandler } from 'express';

export type FlashKind = 'success' | 'info' | 'warning';

/** A one-time message for the next page (after a redirect), stored in the session as a catalog key. */
export function flash(req: Request, kind: FlashKind, messageKey: string): void {
  req.session.flash = { kind, messageKey };
}

export const exposeFlash: RequestHandler = (req, res, next) => {
  if (req.session?.flash) {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
};
