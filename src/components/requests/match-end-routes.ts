import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { endPageModel } from './match-end.js';
import { closeMatchSchema } from './match-schemas.js';
import { loadForRequest, moveAsCaseworker } from './match-service.js';
import { AUDITED_MATCH } from './request-access.js';

/**
 * Ending a match, or withdrawing a proposal, takes two steps: the confirm page asks why (nothing chosen
 * in advance; a missing reason shows the page again with the field's message), then the post ends it.
 */
export function matchEndRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const page = (req: Request) => `/sager/${String(req.params.requestId)}`;
  const ids = (req: Request) => [String(req.params.requestId), String(req.params.matchId)] as const;

  const refused = (req: Request, res: Response, error: unknown) => {
    if (error instanceof ForbiddenError) flash(req, 'warning', 'matching.request.onlyResponsible');
    else if (error instanceof ValidationError)
      flash(req, 'warning', error.fieldErrors._form ?? 'matching.outcome.not-allowed');
    else throw error;
    res.redirect(303, page(req));
  };

  defineRoute(
    router,
    {
      method: 'get',
      path: '/sager/:requestId/match/:matchId/afslut',
      action: 'requests:work',
      audited: AUDITED_MATCH,
    },
    guard,
    provideCsrfToken,
    async (req, res) => {
      try {
        res.render('requests/end', await endPageModel(currentActor(req)!, ...ids(req)));
      } catch (error) {
        refused(req, res, error);
      }
    },
  );

  defineRoute(
    router,
    {
      method: 'post',
      path: '/sager/:requestId/match/:matchId/luk',
      action: 'requests:work',
      audited: AUDITED_MATCH,
    },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const actor = currentActor(req)!;
      // The match must be the request's, in the actor's municipality, before the form is read.
      await loadForRequest(actor, ...ids(req));
      const form = parseForm(closeMatchSchema, req.body);
      const again = async (errors: Record<string, string>) =>
        renderForm(
          res,
          'requests/end',
          await endPageModel(actor, ...ids(req)),
          errors,
          form.ok ? {} : form.values,
        );
      try {
        if (!form.ok) return await again(form.fieldErrors);
        const outcome = await moveAsCaseworker(
          actor,
          ...ids(req),
          'close',
          { closeReason: form.data.closeReason, reason: form.data.note },
          contextFor(req, settings.baseUrl),
        );
        if (outcome === 'done') flash(req, 'success', 'matching.match.done.close');
        else flash(req, 'warning', `matching.outcome.${outcome}`);
        res.redirect(303, page(req));
      } catch (error) {
        if (error instanceof ValidationError && error.fieldErrors.closeReason)
          return await again({ closeReason: error.fieldErrors.closeReason });
        refused(req, res, error);
      }
    },
  );

  return router;
}
