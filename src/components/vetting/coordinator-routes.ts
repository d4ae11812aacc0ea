import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { chooseValidity } from './coordinator-service.js';
import { askForConsent } from './consent-request-service.js';
import { memberModel, overviewModel } from './coordinator-views.js';
import { emptySchema, vettingPolicySchema } from './vetting-schemas.js';

const OVERVIEW = '/forening/godkendelse';

/** Shows a member's page again with messages; a write that lost a race is a 409 "try again". */
export async function renderMemberPage(
  req: Request,
  res: Response,
  memberId: string,
  fieldErrors: Record<string, string> = {},
  values: Record<string, string> = {},
  status = 400,
): Promise<void> {
  const model = await memberModel(currentActor(req), memberId);
  renderForm(
    res,
    'vetting/member',
    { titleKey: 'vetting.member.title', ...model },
    fieldErrors,
    values,
    status,
  );
}

/** The coordinator's overview of the own organisation's members, and the organisation's own validity. */
export function coordinatorRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('vetting:record');

  const renderOverview = async (
    req: Request,
    res: Response,
    fieldErrors: Record<string, string> = {},
    values?: Record<string, string>,
  ) => {
    const model = await overviewModel(currentActor(req));
    const shown = values ?? { validityMonths: String(model.settings.organisationMonths ?? '') };
    renderForm(res, 'vetting/overview', { titleKey: 'vetting.overview.title', ...model }, fieldErrors, shown);
  };

  defineRoute(
    router,
    { method: 'get', path: OVERVIEW, action: 'vetting:record' },
    guard,
    provideCsrfToken,
    async (req, res) => renderOverview(req, res),
  );

  defineRoute(
    router,
    { method: 'post', path: `${OVERVIEW}/gyldighed`, action: 'vetting:record' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(vettingPolicySchema, req.body);
      if (!form.ok) return renderOverview(req, res, form.fieldErrors, form.values);
      try {
        await chooseValidity(currentActor(req)!, form.data.validityMonths, contextFor(req, settings.baseUrl));
      } catch (error) {
        if (error instanceof ValidationError)
          return renderOverview(req, res, error.fieldErrors, {
            validityMonths: String(form.data.validityMonths ?? ''),
          });
        throw error;
      }
      flash(req, 'success', 'vetting.overview.validitySaved');
      res.redirect(303, OVERVIEW);
    },
  );

  defineRoute(
    router,
    { method: 'get', path: `${OVERVIEW}/:memberId`, action: 'vetting:record' },
    guard,
    provideCsrfToken,
    async (req, res) => renderMemberPage(req, res, String(req.params.memberId)),
  );

  defineRoute(
    router,
    { method: 'post', path: `${OVERVIEW}/:memberId/bed-om-samtykke`, action: 'vetting:record' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const memberId = String(req.params.memberId);
      const form = parseForm(emptySchema, req.body);
      if (!form.ok) return renderMemberPage(req, res, memberId, form.fieldErrors, form.values);
      const outcome = await askForConsent(currentActor(req)!, memberId, contextFor(req, settings.baseUrl));
      flash(req, outcome === 'asked' ? 'success' : 'info', `vetting.consentRequest.${outcome}`);
      res.redirect(303, `${OVERVIEW}/${memberId}`);
    },
  );

  return router;
}
