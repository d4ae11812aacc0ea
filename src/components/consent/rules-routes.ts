import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { rulesOf, saveRules } from './consent-policy-service.js';
import { DEFAULT_PURPOSES, type ConsentRules } from './consent-rules.js';
import { rulesSchema } from './consent-schemas.js';

/** A municipal administrator's consent rules for their own municipality (the tenant comes from the session). */
export function rulesRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('consent:configure');
  const path = '/kommune/samtykke';

  const model = (rules: ConsentRules) => ({
    titleKey: 'consent.rules.title',
    rows: DEFAULT_PURPOSES.map((purpose) => ({
      purpose,
      offered: rules.purposes.includes(purpose),
      forProposal: rules.proposalPurposes.includes(purpose),
      forActivation: rules.activationPurposes.includes(purpose),
    })),
    rules,
  });
  const code = (req: Request) => currentActor(req)!.municipalityCode ?? '';

  defineRoute(
    router,
    { method: 'get', path, action: 'consent:configure' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const rules = await rulesOf(code(req));
      renderForm(res, 'consent/rules', model(rules), {}, { youthAge: String(rules.youthAge) });
    },
  );

  defineRoute(
    router,
    { method: 'post', path, action: 'consent:configure' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(rulesSchema, req.body);
      if (!form.ok)
        return renderForm(
          res,
          'consent/rules',
          model(await rulesOf(code(req))),
          form.fieldErrors,
          form.values,
        );
      await saveRules(currentActor(req)!, code(req), form.data, contextFor(req, settings.baseUrl));
      flash(req, 'success', 'consent.rules.saved');
      res.redirect(303, path);
    },
  );

  return router;
}
