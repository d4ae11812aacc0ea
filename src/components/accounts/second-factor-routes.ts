import { Router, type Request, type Response } from 'express';
import { recordAudit } from '../../shared/audit/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken, safeLocalPath } from '../../shared/http/index.js';
import { emptySchema, enrolmentCodeSchema, secondFactorSchema } from './accounts-schemas.js';
import { authorize, currentUser } from './authorize.js';
import { HOME_PATH } from './complete-login.js';
import { contextFor, renderForm, type AccountsSettings } from './route-helpers.js';
import { requiresSecondFactor } from './roles.js';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  describeEnrolment,
  verifySecondFactor,
} from './totp-service.js';

export function secondFactorRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('auth:second-factor');
  const key = settings.encryptionKey;

  const finish = (req: Request, res: Response) => {
    const target = safeLocalPath(req.session.returnTo, HOME_PATH);
    delete req.session.returnTo;
    req.session.secondFactorPending = false;
    req.session.secondFactorAt = Date.now();
    res.redirect(303, target);
  };

  defineRoute(
    router,
    { method: 'get', path: '/log-ind/totp', action: 'auth:second-factor' },
    guard,
    provideCsrfToken,
    (req, res) => {
      if (!currentUser(req)?.hasTotp) return res.redirect(303, '/konto/totp/opsaet');
      renderForm(res, 'accounts/totp-challenge', { titleKey: 'accounts.totp.challengeTitle' });
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/log-ind/totp', action: 'auth:second-factor' },
    guard,
    provideCsrfToken,
    async (req, res, next) => {
      const user = currentUser(req)!;
      const model = { titleKey: 'accounts.totp.challengeTitle' };
      const form = parseForm(secondFactorSchema, req.body);
      if (!form.ok) return renderForm(res, 'accounts/totp-challenge', model, form.fieldErrors);
      const result = await verifySecondFactor(
        user.id,
        form.data.code,
        key,
        contextFor(req, settings.baseUrl),
      );
      if (result === 'ok') return finish(req, res);
      if (result === 'locked') {
        // Too many wrong codes: the whole login starts again (and the password lockout applies there).
        return req.logout({ keepSessionInfo: false }, (error) => {
          if (error) return next(error);
          flash(req, 'warning', 'accounts.totp.locked');
          res.redirect(303, '/log-ind');
        });
      }
      renderForm(res, 'accounts/totp-challenge', model, { code: 'accounts.totp.wrongCode' }, {}, 401);
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/konto/totp/opsaet', action: 'auth:second-factor' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const user = currentUser(req)!;
      if (user.hasTotp) return res.redirect(303, '/konto');
      const enrolment = req.session.pendingTotpSecret
        ? await describeEnrolment(req.session.pendingTotpSecret, user.email, key)
        : await beginTotpEnrolment(user.email, key);
      req.session.pendingTotpSecret = enrolment.sealedSecret;
      renderForm(
        res,
        'accounts/totp-enrol',
        enrolmentModel(enrolment, settings.demoMode && requiresSecondFactor(user.grants)),
      );
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/konto/totp/opsaet', action: 'auth:second-factor' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const user = currentUser(req)!;
      const sealed = req.session.pendingTotpSecret;
      if (user.hasTotp || !sealed) return res.redirect(303, '/konto/totp/opsaet');
      const enrolment = await describeEnrolment(sealed, user.email, key);
      const model = enrolmentModel(enrolment, settings.demoMode && requiresSecondFactor(user.grants));
      const form = parseForm(enrolmentCodeSchema, req.body);
      if (!form.ok) return renderForm(res, 'accounts/totp-enrol', model, form.fieldErrors);
      const codes = await confirmTotpEnrolment(
        user.id,
        sealed,
        form.data.code,
        key,
        contextFor(req, settings.baseUrl),
      );
      if (!codes) return renderForm(res, 'accounts/totp-enrol', model, { code: 'accounts.totp.wrongCode' });
      delete req.session.pendingTotpSecret;
      req.session.secondFactorPending = false;
      req.session.secondFactorAt = Date.now();
      res.render('accounts/recovery-codes', {
        titleKey: 'accounts.totp.recoveryTitle',
        codes,
        continueTo: safeLocalPath(req.session.returnTo, HOME_PATH),
      });
    },
  );

  // Demo mode only (never in production): staff may look around without an authenticator app.
  defineRoute(
    router,
    { method: 'post', path: '/konto/totp/spring-over', action: 'auth:second-factor' },
    guard,
    async (req, res, next) => {
      parseForm(emptySchema, req.body);
      if (!settings.demoMode) return next();
      await recordAudit(
        { action: '2fa.skipped-demo', outcome: 'success', actorId: currentUser(req)!.id },
        contextFor(req, settings.baseUrl).origin,
      );
      finish(req, res);
    },
  );

  return router;
}

function enrolmentModel(enrolment: { secret: string; qrSvg: string }, canSkip: boolean) {
  return {
    titleKey: 'accounts.totp.enrolTitle',
    // The QR code is an SVG made by the qrcode library from our own secret; no user input reaches it.
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString('base64')}`,
    secretGroups: enrolment.secret.match(/.{1,4}/g)?.join(' '),
    canSkip,
  };
}
