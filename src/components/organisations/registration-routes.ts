import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { listOnboardedMunicipalities } from '../municipalities/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { ORGANISATION_KINDS } from './organisation-model.js';
import { registerOrganisationSchema } from './organisation-schemas.js';
import { registerOrganisation } from './organisation-service.js';

/** Registering a club, business or church: anyone logged in; they become its coordinator. */
export function registrationRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('organisations:register');

  const pageModel = async (req: Request) => {
    const raw: unknown = req.body?.municipalityCodes;
    const chosen = new Set(Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []);
    return {
      titleKey: 'organisations.register.title',
      kinds: ORGANISATION_KINDS.map((kind) => ({ kind, checked: req.body?.kind === kind })),
      municipalities: (await listOnboardedMunicipalities()).map((municipality) => ({
        code: municipality.code,
        name: municipality.name,
        checked: chosen.has(municipality.code),
      })),
    };
  };

  defineRoute(
    router,
    { method: 'get', path: '/forening/ny', action: 'organisations:register' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      renderForm(res, 'organisations/register', await pageModel(req));
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/forening/ny', action: 'organisations:register' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(registerOrganisationSchema, req.body);
      if (!form.ok)
        return renderForm(res, 'organisations/register', await pageModel(req), form.fieldErrors, form.values);
      // Only municipalities that use Brobygning can approve anyone.
      const onboarded = new Set(
        (await listOnboardedMunicipalities()).map((municipality) => municipality.code),
      );
      if (!form.data.municipalityCodes.every((code) => onboarded.has(code))) {
        return renderForm(res, 'organisations/register', await pageModel(req), {
          municipalityCodes: 'organisations.register.municipalitiesRequired',
        });
      }
      await registerOrganisation(currentActor(req)!, form.data, contextFor(req, settings.baseUrl));
      flash(req, 'success', 'organisations.register.registered');
      res.redirect(303, '/konto');
    },
  );

  return router;
}
