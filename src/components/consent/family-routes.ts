import { Router, type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authorize, contextFor, type AccountsSettings } from '../accounts/index.js';
import { DatabaseRateLimitStore, defineRoute, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { familyView, withdrawByFamily } from './consent-link-service.js';
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
 * It tells nothing beyond what the family already knows; an unknown token is a 404, an ended consent
 * says so (410) and offers nothing more.
 */
export function familyRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('public');
  const limit = linkRateLimit();
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const token = (req: Request) => String(req.params.token);

  defineRoute(
    router,
    { method: 'get', path: '/samtykke/:token', action: 'public' },
    guard,
    limit,
    provideCsrfToken,
    async (req, res) => {
      const view = await familyView(token(req), context(req));
      res.set('Cache-Control', 'no-store');
      res.set('Referrer-Policy', 'no-referrer');
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
      const outcome = await withdrawByFamily(token(req), context(req));
      res.set('Cache-Control', 'no-store');
      res.set('Referrer-Policy', 'no-referrer');
      if (outcome === 'ended') res.status(410);
      res.render('consent/family-withdrawn', { titleKey: 'consent.family.withdrawnTitle', outcome });
    },
  );

  return router;
}
