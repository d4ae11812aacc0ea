import { Router } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { DEFAULT_WEIGHTS, FACTORS, WEIGHT_LIMITS } from './candidate-rules.js';
import { weightsSchema } from './ranking-weights-schemas.js';
import { saveWeights, weightsOf } from './ranking-weights-service.js';

const PAGE = 'candidates/weights';
const PATH = '/kommune/matchvaegte';

const pageModel = () => ({
  titleKey: 'candidates.weights.title',
  fields: FACTORS.map((name) => ({ name, ...WEIGHT_LIMITS[name], default: DEFAULT_WEIGHTS[name] })),
});

/** A municipal administrator's weights for ranking candidates in the own municipality (tenant from the session). */
export function rankingWeightsRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('matching:configure');

  defineRoute(
    router,
    { method: 'get', path: PATH, action: 'matching:configure' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const current = await weightsOf(currentActor(req)!.municipalityCode ?? '');
      const values = Object.fromEntries(FACTORS.map((factor) => [factor, String(current[factor])]));
      renderForm(res, PAGE, pageModel(), {}, values);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: PATH, action: 'matching:configure' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(weightsSchema, req.body);
      if (!form.ok) return renderForm(res, PAGE, pageModel(), form.fieldErrors, form.values);
      await saveWeights(currentActor(req)!, form.data, contextFor(req, settings.baseUrl));
      flash(req, 'success', 'candidates.weights.saved');
      res.redirect(303, PATH);
    },
  );

  return router;
}
