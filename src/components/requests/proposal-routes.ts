import { Router, type Request } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  renderForm,
  type AccountsSettings,
  type Action,
} from '../accounts/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { answerProposal, loadForAnswer } from './match-service.js';
import { declineSchema, emptySchema } from './match-schemas.js';
import { listAnswerable } from './match-views.js';
import { AUDITED_MATCH } from './request-access.js';

const SIDES: Array<{ base: string; action: Action; titleKey: string }> = [
  { base: '/forening/forslag', action: 'matches:answer-org', titleKey: 'matching.answer.orgTitle' },
  { base: '/frivillig/forslag', action: 'matches:answer-own', titleKey: 'matching.answer.ownTitle' },
];

/**
 * The coordinator's (for the own organisation) and the volunteer's (own) proposals and matches, with
 * accept and decline. They see what is asked and an age band, and of the child only what the family's
 * consent lets them see (read per request), never the case.
 * A match of another organisation or another volunteer is a 404 (the service scopes every read).
 */
export function proposalRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  for (const side of SIDES) {
    const guard = authorize(side.action);
    const model = async (req: Request) => ({
      titleKey: side.titleKey,
      base: side.base,
      isCoordinator: side.action === 'matches:answer-org',
      ...(await listAnswerable(currentActor(req)!, context(req))),
    });

    defineRoute(
      router,
      { method: 'get', path: side.base, action: side.action },
      guard,
      provideCsrfToken,
      async (req, res) => {
        renderForm(res, 'requests/proposals', await model(req));
      },
    );

    defineRoute(
      router,
      { method: 'post', path: `${side.base}/:matchId/accepter`, action: side.action, audited: AUDITED_MATCH },
      guard,
      async (req, res) => {
        const matchId = String(req.params.matchId);
        await loadForAnswer(currentActor(req)!, matchId);
        parseForm(emptySchema, req.body);
        let outcome;
        try {
          outcome = await answerProposal(currentActor(req)!, matchId, 'accept', undefined, context(req));
        } catch (error) {
          // The exact re-check refused: the adult is no longer eligible (vetting, room, pause …).
          if (!(error instanceof ValidationError)) throw error;
          flash(req, 'warning', error.fieldErrors._form ?? 'matching.outcome.not-allowed');
          return res.redirect(303, side.base);
        }
        flash(
          req,
          outcome === 'done' ? 'success' : 'warning',
          outcome === 'done' ? 'matching.answer.accepted' : `matching.outcome.${outcome}`,
        );
        res.redirect(303, side.base);
      },
    );

    defineRoute(
      router,
      { method: 'post', path: `${side.base}/:matchId/afvis`, action: side.action, audited: AUDITED_MATCH },
      guard,
      provideCsrfToken,
      async (req, res) => {
        const matchId = String(req.params.matchId);
        await loadForAnswer(currentActor(req)!, matchId);
        const form = parseForm(declineSchema, req.body);
        if (!form.ok)
          return renderForm(
            res,
            'requests/proposals',
            { ...(await model(req)), declining: matchId },
            form.fieldErrors,
            form.values,
          );
        const outcome = await answerProposal(
          currentActor(req)!,
          matchId,
          'decline',
          form.data.reason,
          context(req),
        );
        flash(
          req,
          outcome === 'done' ? 'success' : 'warning',
          outcome === 'done' ? 'matching.answer.declined' : `matching.outcome.${outcome}`,
        );
        res.redirect(303, side.base);
      },
    );
  }
  return router;
}
