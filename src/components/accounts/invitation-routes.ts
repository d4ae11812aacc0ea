import { Router, type Request } from 'express';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { acceptInvitationSchema, emptySchema } from './accounts-schemas.js';
import { authorize, currentUser } from './authorize.js';
import { completeLogin } from './complete-login.js';
import { acceptInvitation, describeInvitation } from './invitation-service.js';
import { contextFor, renderForm, withFieldErrors, type AccountsSettings } from './route-helpers.js';
import { findUserById, toSessionUser } from './user-service.js';

export function invitationRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const open = authorize('auth:use');
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  defineRoute(
    router,
    { method: 'get', path: '/invitation/:token', action: 'auth:use' },
    open,
    provideCsrfToken,
    async (req, res) => {
      const invitation = await describeInvitation(String(req.params.token));
      res.status(invitation ? 200 : 410);
      renderForm(res, 'accounts/invitation', {
        titleKey: 'accounts.invitation.title',
        invitation,
        token: req.params.token,
        loggedInAs: currentUser(req)?.email,
      });
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/invitation/:token', action: 'auth:use' },
    open,
    provideCsrfToken,
    async (req, res) => {
      const token = String(req.params.token);
      const invitation = await describeInvitation(token);
      const model = {
        titleKey: 'accounts.invitation.title',
        invitation,
        token,
        loggedInAs: currentUser(req)?.email,
      };
      let newAccount: { name: string; password: string } | undefined;
      if (invitation && !invitation.accountExists) {
        const form = parseForm(acceptInvitationSchema, req.body);
        if (!form.ok) return renderForm(res, 'accounts/invitation', model, form.fieldErrors, form.values);
        newAccount = form.data;
      } else {
        parseForm(emptySchema, req.body);
      }
      await withFieldErrors(res, 'accounts/invitation', model, {}, async () => {
        const result = await acceptInvitation(token, currentUser(req)?.id, newAccount, context(req));
        if (result.outcome === 'invalid-link')
          return renderForm(res, 'accounts/invitation', { ...model, invitation: undefined }, {}, {}, 410);
        if (result.outcome === 'log-in-first') {
          req.session.returnTo = `/invitation/${token}`;
          flash(req, 'info', 'accounts.invitation.logInFirst');
          return res.redirect(303, '/log-ind');
        }
        const user = await findUserById(result.userId);
        // The new role applies at once: log in again on a fresh session (second factor next for staff).
        const target = await completeLogin(req, toSessionUser(user!));
        flash(req, 'success', 'accounts.invitation.accepted');
        res.redirect(303, target);
      });
    },
  );

  return router;
}
