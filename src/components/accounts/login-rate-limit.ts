import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { DatabaseRateLimitStore } from '../../shared/http/index.js';

const WINDOW_MS = 15 * 60_000;
const LIMIT_PER_IP = 30;

/**
 * Per-IP throttle on the credential forms (log in, forgot password). The IP is req.ip, which honours
 * TRUST_PROXY only: a spoofed X-Forwarded-For header cannot give an attacker fresh addresses.
 * The per-account lockout is in login-throttle.ts.
 */
export function loginRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: LIMIT_PER_IP,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore('login-ip'),
    // Only the forms' submissions count, and the limiter's own validation checks are on.
    handler: (_req, res) => {
      res.status(429).render('errors/429', { titleKey: 'errors.429.title' });
    },
  });
}
