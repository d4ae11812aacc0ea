import { Router } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { emptySchema } from './vetting-schemas.js';
import { giveConsent, volunteerModel, withdrawConsent } from './volunteer-service.js';

const PAGE = '/frivillig/godkendelse';

/** A volunteer's own vetting in each organisation they are an active member of, and their consent. */
export function volunteerRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('vetting:own');

  defineRoute(
    router,
    { method: 'get', path: PAGE, action: 'vetting:own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      renderForm(res, 'vetting/volunteer', {
        titleKey: 'vetting.volunteer.title',
        ...(await volunteerModel(currentActor(req))),
      });
    },
  );

  for (const [segment, change] of [
    ['samtykke', giveConsent],
    ['tilbagekald', withdrawConsent],
  ] as const) {
    defineRoute(
      router,
      { method: 'post', path: `${PAGE}/:organisationId/${segment}`, action: 'vetting:own' },
      guard,
      provideCsrfToken,
      async (req, res) => {
        const form = parseForm(emptySchema, req.body);
        const organisationId = String(req.params.organisationId);
        if (!form.ok) return res.redirect(303, PAGE);
        let outcome: 'changed' | 'unchanged';
        try {
          outcome = await change(currentActor(req), organisationId, contextFor(req, settings.baseUrl));
        } catch (error) {
          // The coordinator wrote the record at the same moment: nothing was saved, so say "try again".
          if (!(error instanceof ConflictError)) throw error;
          flash(req, 'warning', 'vetting.errors.changedMeanwhile');
          return res.redirect(303, PAGE);
        }
        flash(req, outcome === 'changed' ? 'success' : 'info', `vetting.volunteer.${segment}.${outcome}`);
        res.redirect(303, PAGE);
      },
    );
  }
  return router;
}
