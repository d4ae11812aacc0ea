import { Router } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { BadRequestError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { currentYear, declarationModel, declarationsModel, declare } from './declaration-service.js';
import { declarationSchema, yearQuerySchema } from './vetting-schemas.js';

/** The association's yearly børneattest declaration, and the municipality's list of who declared. */
export function declarationRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const declareGuard = authorize('vetting:declare');
  const listGuard = authorize('vetting:declarations');

  defineRoute(
    router,
    { method: 'get', path: '/forening/erklaering', action: 'vetting:declare' },
    declareGuard,
    provideCsrfToken,
    async (req, res) => {
      const model = await declarationModel(currentActor(req));
      renderForm(res, 'vetting/declaration', { titleKey: 'vetting.declaration.title', ...model });
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/forening/erklaering', action: 'vetting:declare' },
    declareGuard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(declarationSchema, req.body);
      if (!form.ok) {
        const model = await declarationModel(currentActor(req));
        return renderForm(
          res,
          'vetting/declaration',
          { titleKey: 'vetting.declaration.title', ...model },
          form.fieldErrors,
        );
      }
      const outcome = await declare(currentActor(req), contextFor(req, settings.baseUrl));
      flash(req, outcome === 'declared' ? 'success' : 'info', `vetting.declaration.${outcome}`);
      res.redirect(303, '/forening/erklaering');
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/kommune/erklaeringer', action: 'vetting:declarations' },
    listGuard,
    async (req, res) => {
      const query = yearQuerySchema.safeParse(req.query);
      if (!query.success) throw new BadRequestError('Not a year');
      const model = await declarationsModel(currentActor(req), query.data.year ?? currentYear());
      res.render('vetting/declarations', { titleKey: 'vetting.declarations.title', ...model });
    },
  );

  return router;
}
