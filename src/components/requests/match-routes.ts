import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, type AccountsSettings } from '../accounts/index.js';
import { BadRequestError, ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm } from '../../shared/http/index.js';
import { loadForRequest, moveAsCaseworker, type CaseworkMove } from './match-service.js';
import { activateSchema, emptySchema } from './match-schemas.js';
import type { MoveOutcome } from './match-steps.js';
import { AUDITED_MATCH } from './request-access.js';

/**
 * The social worker's moves on a match of their request (proposing one is candidate-propose-routes.ts in
 * the candidates component): activating (only when the family's consent allows it), pausing and resuming (ending is match-end-routes.ts). A form that is not filled in is a
 * 400; a move the match's state does not allow is a message on the request page.
 */
export function matchRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const page = (req: Request) => `/sager/${String(req.params.requestId)}`;

  const answer = (req: Request, res: Response, outcome: MoveOutcome, done: string) => {
    if (outcome === 'done') flash(req, 'success', done);
    else flash(req, 'warning', `matching.outcome.${outcome}`);
    res.redirect(303, page(req));
  };

  const refused = (req: Request, res: Response, error: unknown, invalid: string, to = page(req)) => {
    if (error instanceof ForbiddenError) flash(req, 'warning', 'matching.request.onlyResponsible');
    else if (error instanceof ValidationError) flash(req, 'warning', error.fieldErrors._form ?? invalid);
    else throw error;
    res.redirect(303, to);
  };

  const moves: Array<[string, CaseworkMove]> = [
    ['aktiver', 'activate'],
    ['pause', 'pause'],
    ['genoptag', 'resume'],
  ];
  for (const [segment, action] of moves) {
    defineRoute(
      router,
      {
        method: 'post',
        path: `/sager/:requestId/match/:matchId/${segment}`,
        action: 'requests:work',
        audited: AUDITED_MATCH,
      },
      guard,
      async (req, res) => {
        const actor = currentActor(req)!;
        // The match must be the request's, in the actor's municipality, before the form is read.
        await loadForRequest(actor, String(req.params.requestId), String(req.params.matchId));
        const details =
          action === 'activate' ? parseForm(activateSchema, req.body) : parseForm(emptySchema, req.body);
        if (!details.ok) throw new BadRequestError('Incomplete form');
        const data = details.data as { acknowledgement?: string };
        try {
          const outcome = await moveAsCaseworker(
            actor,
            String(req.params.requestId),
            String(req.params.matchId),
            action,
            { acknowledgement: data.acknowledgement },
            context(req),
          );
          answer(req, res, outcome, `matching.match.done.${action}`);
        } catch (error) {
          // A refused activation goes back to the consent checklist, which lists what is missing.
          const to =
            action === 'activate' ? `${page(req)}/match/${String(req.params.matchId)}/samtykke` : page(req);
          refused(req, res, error, 'matching.outcome.not-allowed', to);
        }
      },
    );
  }

  return router;
}
