import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { BadRequestError, ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { AUDITED_CASE, loadRequest, proposalSchema, proposeMatch } from '../requests/index.js';
import { candidatesPage } from './candidate-service.js';

/**
 * Proposing an adult for a request: the candidates page posts here. A form whose texts are refused is the
 * candidates page again with its field messages; a proposal the rules refuse is a message on the request page.
 */
export function candidateProposeRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const page = (req: Request) => `/sager/${String(req.params.requestId)}`;

  const refused = (req: Request, res: Response, error: unknown, invalid: string) => {
    if (error instanceof ForbiddenError) flash(req, 'warning', 'matching.request.onlyResponsible');
    else if (error instanceof ValidationError) flash(req, 'warning', error.fieldErrors._form ?? invalid);
    else throw error;
    res.redirect(303, page(req));
  };

  defineRoute(
    router,
    { method: 'post', path: '/sager/:requestId/foreslaa', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const actor = currentActor(req)!;
      const request = await loadRequest(actor, String(req.params.requestId));
      const form = parseForm(proposalSchema, req.body);
      // What the worker wrote is shown again with its field message (e.g. an ask text naming the child).
      if (!form.ok && (form.fieldErrors.askText || form.fieldErrors.childAlias))
        return renderForm(
          res,
          'candidates/candidates',
          { ...(await candidatesPage(actor, request, 1, context(req))), proposing: form.values.volunteerId },
          form.fieldErrors,
          form.values,
        );
      if (!form.ok) throw new BadRequestError('Incomplete proposal');
      try {
        const proposed = await proposeMatch(
          actor,
          { ...form.data, requestId: String(req.params.requestId) },
          context(req),
        );
        flash(
          req,
          proposed.outcome === 'done' ? 'success' : 'warning',
          `matching.propose.${proposed.outcome}`,
        );
        res.redirect(303, page(req));
      } catch (error) {
        refused(req, res, error, 'matching.propose.invalid');
      }
    },
  );

  return router;
}
