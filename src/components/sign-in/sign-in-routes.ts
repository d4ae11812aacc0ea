import { Router, type Request, type Response } from 'express';
import { authorize, completeLogin, contextFor, HOME_PATH, loginRateLimit } from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import { defineRoute, flash } from '../../shared/http/index.js';
import { callbackQuerySchema } from './identity-provider-schemas.js';
import { providerOf, startPath } from './identity-provider-service.js';
import { authorizationUrl, ExchangeError } from './oidc-exchange.js';
import {
  auditSignInFailure,
  clientFor,
  finishSignIn,
  PENDING_SIGN_IN_MS,
  type SignInSettings,
} from './sign-in-service.js';
import './sign-in-session.js';

export const CALLBACK_PATH = '/log-ind/kommune/svar';

/** Staff sign-in through their municipality's OpenID Connect provider: the start and the way back. */
export function signInRoutes(settings: SignInSettings & { baseUrl: string }): Router {
  const router = Router();
  const open = authorize('auth:use');
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  const fail = async (req: Request, res: Response, code: string | undefined, reason: string) => {
    if (reason !== 'account-disabled' && reason !== 'platform-account')
      await auditSignInFailure(code, reason, context(req));
    const unavailable = reason === 'provider-unavailable';
    res.status(reason === 'no-access' ? 403 : unavailable ? 502 : 400);
    res.render(reason === 'no-access' ? 'sign-in/no-access' : 'sign-in/failed', {
      titleKey: reason === 'no-access' ? 'signIn.noAccess.title' : 'signIn.failed.title',
      reasonKey: `signIn.failed.reasons.${reason}`,
      municipalityName: code ? findMunicipality(code)?.name : undefined,
    });
  };

  // A failure of our own (the secret cannot be opened, the database, the session store): in the audit log
  // as a failed login, then the error page. The audit may fail for the same reason; the error still shows.
  const auditInternalFailure = async (req: Request, code: string) => {
    await auditSignInFailure(code, 'internal', context(req)).catch(() => undefined);
  };

  // A stale link or bookmark: the login page shows the municipalities that do sign in this way.
  const noProvider = async (req: Request, res: Response) => {
    if (!req.session) await req.startSession?.();
    flash(req, 'info', 'signIn.login.noProvider');
    res.redirect(303, '/log-ind');
  };

  // Registered before the start route, whose path would otherwise take "svar" for a municipality code.
  // Each start fetches the provider's metadata and each answer writes to the audit log: throttled per
  // address as the password form is.
  const throttle = loginRateLimit();
  defineRoute(
    router,
    { method: 'get', path: CALLBACK_PATH, action: 'auth:use' },
    open,
    throttle,
    async (req, res) => {
      // The sign-in under way is used once, whatever happens now: a replayed answer finds nothing.
      const pending = req.session?.providerSignIn;
      if (req.session) delete req.session.providerSignIn;
      const query = callbackQuerySchema.safeParse(req.query);
      if (!pending || Date.now() - pending.startedAt > PENDING_SIGN_IN_MS || !query.success)
        return fail(req, res, pending?.municipalityCode, 'state');
      if (query.data.state !== pending.state) return fail(req, res, pending.municipalityCode, 'state');
      const code = pending.municipalityCode;
      const callbackUrl = new URL(req.originalUrl, settings.baseUrl);
      let target;
      try {
        const provider = await providerOf(code);
        if (!provider) return fail(req, res, code, 'provider-gone');
        const outcome = await finishSignIn(provider, pending, callbackUrl, settings, context(req));
        if (!outcome.ok) return fail(req, res, code, outcome.reason);
        target = await completeLogin(req, outcome.user, {
          secondFactorSatisfied: outcome.secondFactorSatisfied,
        });
      } catch (error) {
        if (error instanceof ExchangeError) return fail(req, res, code, error.reason);
        await auditInternalFailure(req, code);
        throw error;
      }
      res.redirect(303, target);
    },
  );

  // Where the login form sends an address in a municipality's staff domain: a link on to its provider.
  defineRoute(
    router,
    { method: 'get', path: '/log-ind/kommune/:code/videre', action: 'auth:use' },
    open,
    async (req, res) => {
      const code = String(req.params.code);
      const provider = /^\d{4}$/.test(code) ? await providerOf(code) : undefined;
      if (!provider) return noProvider(req, res);
      res.render('sign-in/continue', {
        titleKey: 'signIn.continue.title',
        municipalityName: findMunicipality(code)?.name,
        href: startPath(code),
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/log-ind/kommune/:code', action: 'auth:use' },
    open,
    throttle,
    async (req, res) => {
      if (req.user && !req.session.secondFactorPending) return res.redirect(303, HOME_PATH);
      const code = String(req.params.code);
      const provider = /^\d{4}$/.test(code) ? await providerOf(code) : undefined;
      if (!provider) return noProvider(req, res);
      let started;
      try {
        started = await authorizationUrl(clientFor(provider, settings), settings.redirectUri, code);
      } catch (error) {
        if (error instanceof ExchangeError) return fail(req, res, code, error.reason);
        await auditInternalFailure(req, code);
        throw error;
      }
      if (!req.session) await req.startSession?.();
      req.session.providerSignIn = started.pending;
      res.redirect(303, started.url);
    },
  );

  return router;
}
