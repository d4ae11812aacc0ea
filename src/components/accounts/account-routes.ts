import { Router, type Request } from 'express';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { changePasswordSchema, emptySchema, profileSchema, switchRoleSchema } from './accounts-schemas.js';
import { activeGrants } from './actor.js';
import { authorize, currentUser } from './authorize.js';
import { HOME_PATH, refreshSessionEpoch } from './complete-login.js';
import { changePassword } from './password-service.js';
import { contextFor, renderForm, type AccountsSettings } from './route-helpers.js';
import { listMySessions, logOutEverywhereElse, updateProfile } from './session-service.js';
import { countRecoveryCodes, regenerateRecoveryCodes } from './totp-service.js';
import { findUserById } from './user-service.js';
import { ValidationError } from '../../shared/errors/index.js';

export function accountRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('account:manage-own');
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  // Staff give a work phone: volunteers and coordinators of their cases call it. Volunteers are not asked.
  const asksWorkPhone = (req: Request) =>
    activeGrants(currentUser(req)!).some((grant) => grant.role !== 'volunteer');

  const overviewModel = async (req: Request) => {
    const user = currentUser(req)!;
    const stored = await findUserById(user.id);
    return {
      titleKey: 'accounts.account.title',
      asksWorkPhone: asksWorkPhone(req),
      profile: { name: stored?.name, email: stored?.email, phone: stored?.phone, language: stored?.language },
      hasTotp: user.hasTotp,
      recoveryCodesLeft: user.hasTotp ? await countRecoveryCodes(user.id) : 0,
      sessions: await listMySessions(user.id, req.sessionID),
    };
  };

  defineRoute(
    router,
    { method: 'get', path: '/konto', action: 'account:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      renderForm(res, 'accounts/account', await overviewModel(req));
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/konto/profil', action: 'account:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(profileSchema, req.body);
      if (!form.ok)
        return renderForm(res, 'accounts/account', await overviewModel(req), form.fieldErrors, form.values);
      await updateProfile(currentUser(req)!.id, form.data, context(req), { phoneAsked: asksWorkPhone(req) });
      flash(req, 'success', 'accounts.account.profileSaved');
      res.redirect(303, '/konto');
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/konto/adgangskode', action: 'account:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(changePasswordSchema, req.body);
      if (!form.ok) return renderForm(res, 'accounts/account', await overviewModel(req), form.fieldErrors);
      try {
        const epoch = await changePassword(
          currentUser(req)!.id,
          form.data.currentPassword,
          form.data.newPassword,
          req.sessionID,
          context(req),
        );
        await refreshSessionEpoch(req, epoch);
      } catch (error) {
        if (error instanceof ValidationError)
          return renderForm(res, 'accounts/account', await overviewModel(req), error.fieldErrors);
        throw error;
      }
      flash(req, 'success', 'accounts.account.passwordChanged');
      res.redirect(303, '/konto');
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/konto/log-ud-overalt', action: 'account:manage-own' },
    guard,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const epoch = await logOutEverywhereElse(currentUser(req)!.id, req.sessionID, context(req));
      await refreshSessionEpoch(req, epoch);
      flash(req, 'success', 'accounts.account.loggedOutElsewhere');
      res.redirect(303, '/konto');
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/konto/totp/nye-koder', action: 'account:manage-own' },
    guard,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      const user = currentUser(req)!;
      if (!user.hasTotp) return res.redirect(303, '/konto');
      const codes = await regenerateRecoveryCodes(user.id, context(req));
      res.render('accounts/recovery-codes', {
        titleKey: 'accounts.totp.recoveryTitle',
        codes,
        continueTo: '/konto',
      });
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/konto/rolle', action: 'account:manage-own' },
    guard,
    async (req, res) => {
      const form = parseForm(switchRoleSchema, req.body);
      const grants = activeGrants(currentUser(req)!);
      if (form.ok && form.data.grant < grants.length) {
        req.session.activeGrant = form.data.grant;
        flash(req, 'info', 'accounts.account.roleSwitched');
      }
      // The new role's home: what needs the person in that role.
      res.redirect(303, HOME_PATH);
    },
  );

  // Extends the session before the idle timeout (WCAG 2.2.1); the session middleware rolls the expiry.
  defineRoute(
    router,
    { method: 'post', path: '/session/forlaeng', action: 'account:manage-own' },
    guard,
    (req, res) => {
      parseForm(emptySchema, req.body);
      req.session.touch();
      if (req.accepts(['html', 'json']) === 'json') {
        res.json({ expiresAt: new Date(Date.now() + settings.idleMs).toISOString() });
        return;
      }
      res.redirect(303, '/konto');
    },
  );

  return router;
}
