import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { MUNICIPALITY_SETTING_LIMITS } from './municipality-model.js';
import { municipalitySettingsSchema } from './municipality-schemas.js';
import { afterHoursPhoneOf, settingsOf, updateSettings } from './municipality-service.js';

/** A municipal administrator's settings page for their own municipality (the tenant comes from the session). */
export function settingsRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('municipality:configure');

  const pageModel = (req: Request) => {
    const code = currentActor(req)!.municipalityCode ?? '';
    return {
      titleKey: 'municipalities.settings.title',
      municipalityName: findMunicipality(code)?.name,
      fields: Object.entries(MUNICIPALITY_SETTING_LIMITS).map(([name, limit]) => ({ name, ...limit })),
    };
  };

  defineRoute(
    router,
    { method: 'get', path: '/kommune/indstillinger', action: 'municipality:configure' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const code = currentActor(req)!.municipalityCode ?? '';
      const current = { ...(await settingsOf(code)), afterHoursPhone: (await afterHoursPhoneOf(code)) ?? '' };
      const values = Object.fromEntries(
        Object.entries(current).map(([name, value]) => [name, String(value)]),
      );
      renderForm(res, 'municipalities/settings', pageModel(req), {}, values);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/kommune/indstillinger', action: 'municipality:configure' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(municipalitySettingsSchema, req.body);
      if (!form.ok)
        return renderForm(res, 'municipalities/settings', pageModel(req), form.fieldErrors, form.values);
      await updateSettings(currentActor(req)!, form.data, contextFor(req, settings.baseUrl));
      flash(req, 'success', 'municipalities.settings.saved');
      res.redirect(303, '/kommune/indstillinger');
    },
  );

  return router;
}
