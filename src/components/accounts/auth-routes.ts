import { Router, type Request } from 'express';
import type passport from 'passport';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { sessionCookieName } from '../../shared/session/index.js';
import {
  forgotPasswordSchema,
  loginSchema,
  resetPasswordSchema,
  signUpSchema,
  emptySchema,
} from './accounts-schemas.js';
import { authorize } from './authorize.js';
import { completeLogin, HOME_PATH } from './complete-login.js';
import { externalSignInChoices, externalSignInFor } from './external-sign-in.js';
import { loginRateLimit } from './login-rate-limit.js';
import { isResetLinkValid, requestPasswordReset, resetPassword } from './password-service.js';
import { contextFor, echo, renderForm, withFieldErrors, type AccountsSettings } from './route-helpers.js';
import { sendVerification, signUp, verifyEmail } from './signup-service.js';
import { findUserById } from './user-service.js';
import type { SessionUser } from './actor.js';

export function authRoutes(settings: AccountsSettings, auth: typeof passport, production: boolean): Router {
  const router = Router();
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const open = authorize('auth:use');

  defineRoute(
    router,
    { method: 'get', path: '/tilmeld', action: 'auth:use' },
    open,
    provideCsrfToken,
    (_req, res) => {
      renderForm(res, 'accounts/signup', { titleKey: 'accounts.signup.title' });
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/tilmeld', action: 'auth:use' },
    open,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(signUpSchema, req.body);
      const model = { titleKey: 'accounts.signup.title' };
      if (!form.ok) return renderForm(res, 'accounts/signup', model, form.fieldErrors, form.values);
      await withFieldErrors(res, 'accounts/signup', model, echo(form.data, 'name', 'email'), async () => {
        await signUp(form.data, context(req));
        res.render('accounts/check-email', { titleKey: 'accounts.checkEmail.title', email: form.data.email });
      });
    },
  );

  // The link in the e-mail opens a page with a button: following a link (or a mail scanner doing so) changes nothing.
  defineRoute(
    router,
    { method: 'get', path: '/bekraeft-email/:token', action: 'auth:use' },
    open,
    provideCsrfToken,
    (req, res) => {
      res.render('accounts/verify-email', { titleKey: 'accounts.verify.title', token: req.params.token });
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/bekraeft-email/:token', action: 'auth:use' },
    open,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const verified = await verifyEmail(String(req.params.token), context(req));
      flash(
        req,
        verified ? 'success' : 'warning',
        verified ? 'accounts.verify.done' : 'accounts.verify.invalid',
      );
      res.redirect(303, '/log-ind');
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/log-ind', action: 'auth:use' },
    open,
    provideCsrfToken,
    async (req, res) => {
      if (req.user && !req.session.secondFactorPending) return res.redirect(303, HOME_PATH);
      const signInChoices = await externalSignInChoices(context(req).language);
      renderForm(res, 'accounts/login', { titleKey: 'accounts.login.title', signInChoices });
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/log-ind', action: 'auth:use' },
    open,
    loginRateLimit(),
    provideCsrfToken,
    async (req, res, next) => {
      const form = parseForm(loginSchema, req.body);
      // Staff of a municipality that signs its people in itself go there, with or without a password typed;
      // a password is then not looked at.
      const typed: unknown = form.ok ? form.data.email : form.values.email;
      const elsewhere = typeof typed === 'string' ? await externalSignInFor(typed) : undefined;
      if (elsewhere) return res.redirect(303, elsewhere);
      const signInChoices = await externalSignInChoices(context(req).language);
      const model = { titleKey: 'accounts.login.title', signInChoices };
      if (!form.ok) return renderForm(res, 'accounts/login', model, form.fieldErrors, form.values);
      auth.authenticate(
        'local',
        (error: unknown, user: SessionUser | false, info?: { message?: string; userId?: string }) => {
          if (error) return next(error);
          if (!user) {
            const reason = info?.message ?? 'invalid';
            if (reason === 'unverified' && info?.userId) req.session.unverifiedUserId = info.userId;
            return renderForm(
              res,
              'accounts/login',
              { ...model, reason, canResend: reason === 'unverified' },
              { _form: `accounts.login.${reason}` },
              echo(form.data, 'email'),
              reason === 'locked' ? 429 : 401,
            );
          }
          completeLogin(req, user).then((target) => res.redirect(303, target), next);
        },
      )(req, res, next);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/bekraeft-email-igen', action: 'auth:use' },
    open,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const user = req.session.unverifiedUserId
        ? await findUserById(req.session.unverifiedUserId)
        : undefined;
      if (user?.status === 'unverified')
        await sendVerification(String(user._id), user.email, user.name, context(req));
      delete req.session.unverifiedUserId;
      flash(req, 'info', 'accounts.verify.resent');
      res.redirect(303, '/log-ind');
    },
  );

  defineRoute(router, { method: 'post', path: '/log-ud', action: 'auth:use' }, open, (req, res, next) => {
    parseForm(emptySchema, req.body);
    req.logout({ keepSessionInfo: false }, (error) => {
      if (error) return next(error);
      req.session.destroy((destroyError) => {
        if (destroyError) return next(destroyError);
        res.clearCookie(sessionCookieName(production), { path: '/' });
        // A shared computer: the browser drops this origin's cached pages and storage, so the back
        // button cannot show a child's case to the next person.
        res.set('Clear-Site-Data', '"cache", "storage"');
        res.redirect(303, '/?logget-ud=1');
      });
    });
  });

  defineRoute(
    router,
    { method: 'get', path: '/glemt-adgangskode', action: 'auth:use' },
    open,
    provideCsrfToken,
    (_req, res) => {
      renderForm(res, 'accounts/forgot-password', { titleKey: 'accounts.forgot.title' });
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/glemt-adgangskode', action: 'auth:use' },
    open,
    loginRateLimit(),
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(forgotPasswordSchema, req.body);
      if (!form.ok)
        return renderForm(
          res,
          'accounts/forgot-password',
          { titleKey: 'accounts.forgot.title' },
          form.fieldErrors,
          form.values,
        );
      await requestPasswordReset(form.data.email, context(req));
      res.render('accounts/check-email', {
        titleKey: 'accounts.checkEmail.title',
        email: form.data.email,
        reset: true,
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/nulstil-adgangskode/:token', action: 'auth:use' },
    open,
    provideCsrfToken,
    async (req, res) => {
      const valid = await isResetLinkValid(String(req.params.token));
      res.status(valid ? 200 : 410);
      renderForm(res, 'accounts/reset-password', {
        titleKey: 'accounts.reset.title',
        token: req.params.token,
        invalidLink: !valid,
      });
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/nulstil-adgangskode/:token', action: 'auth:use' },
    open,
    provideCsrfToken,
    async (req, res) => {
      const token = String(req.params.token);
      const model = { titleKey: 'accounts.reset.title', token };
      const form = parseForm(resetPasswordSchema, req.body);
      if (!form.ok) return renderForm(res, 'accounts/reset-password', model, form.fieldErrors);
      await withFieldErrors(res, 'accounts/reset-password', model, {}, async () => {
        const outcome = await resetPassword(token, form.data.password, context(req));
        if (outcome === 'invalid-link')
          return renderForm(res, 'accounts/reset-password', { ...model, invalidLink: true }, {}, {}, 410);
        flash(req, 'success', 'accounts.reset.done');
        res.redirect(303, '/log-ind');
      });
    },
  );

  return router;
}
