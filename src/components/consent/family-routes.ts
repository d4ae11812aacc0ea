import { Router, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authorize, contextFor, type AccountsSettings } from '../accounts/index.js';
import { DatabaseRateLimitStore, defineRoute, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { familyView, UnknownLinkError, withdrawByFamily } from './consent-link-service.js';
import { emptySchema } from './consent-schemas.js';

/** Per IP: guessing a 256-bit token is hopeless anyway; this keeps the page from being hammered. */
function linkRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore('consent-link'),
    handler: (_req, res) => {
      res.status(429).render('errors/429', { titleKey: 'errors.429.title' });
    },
  });
}

/**
 * The family's own link, without login: what they agreed to, and withdrawing it with one confirmation.
 * It tells nothing beyond what the family already knows; a malformed token is a 404, an unknown one or
 * an ended consent says only that the link no longer works (410).
 */
export function familyRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('public');
  const limit = linkRateLimit();
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const token = (req: Request) => String(req.params.token);
  const gone = (res: Response) => {
    res
      .status(410)
      .render('consent/family', { titleKey: 'consent.family.title', ended: true, unknown: true });
  };

  defineRoute(
    router,
    { method: 'get', path: '/samtykke/:token', action: 'public' },
    guard,
    limit,
    provideCsrfToken,
    async (req, res) => {
      res.set('Cache-Control', 'no-store');
      res.set('Referrer-Policy', 'no-referrer');
      const view = await familyView(token(req), context(req)).catch((error: unknown) => {
        if (error instanceof UnknownLinkError) return undefined;
        throw error;
      });
      if (!view) return gone(res);
      if (view.ended) res.status(410);
      res.render('consent/family', { titleKey: 'consent.family.title', ...view, token: token(req) });
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/samtykke/:token', action: 'public' },
    guard,
    limit,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      res.set('Cache-Control', 'no-store');
      res.set('Referrer-Policy', 'no-referrer');
      const outcome = await withdrawByFamily(token(req), context(req)).catch((error: unknown) => {
        if (error instanceof UnknownLinkError) return undefined;
        throw error;
      });
      if (!outcome) return gone(res);
      if (outcome === 'ended') res.status(410);
      res.render('consent/family-withdrawn', { titleKey: 'consent.family.withdrawnTitle', outcome });
    },
  );

  return router;
}
