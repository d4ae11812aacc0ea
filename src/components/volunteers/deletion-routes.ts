import { Router } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  deleteOwnAccount,
  renderForm,
  type AccountsSettings,
} from '../accounts/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { deleteAccountSchema } from './volunteer-schemas.js';

const VIEW = 'volunteers/delete';
const model = { titleKey: 'volunteers.delete.title' };

/** "Delete my data": explained plainly, confirmed with the password, then the person is logged out. */
export function deletionRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('volunteer:manage-own');

  defineRoute(
    router,
    { method: 'get', path: '/frivillig/slet', action: 'volunteer:manage-own' },
    guard,
    provideCsrfToken,
    (_req, res) => {
      renderForm(res, VIEW, model);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/frivillig/slet', action: 'volunteer:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res, next) => {
      const form = parseForm(deleteAccountSchema, req.body);
      if (!form.ok) return renderForm(res, VIEW, model, form.fieldErrors);
      try {
        await deleteOwnAccount(
          currentActor(req)!.userId,
          form.data.password,
          contextFor(req, settings.baseUrl),
        );
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(res, VIEW, model, error.fieldErrors);
        throw error;
      }
      // A fresh, anonymous session carries the confirmation to the front page.
      req.logout({ keepSessionInfo: false }, (error) => {
        if (error) return next(error);
        flash(req, 'success', 'volunteers.delete.done');
        res.set('Clear-Site-Data', '"cache", "storage"');
        res.redirect(303, '/');
      });
    },
  );

  return router;
}
