import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, type AccountsSettings } from '../accounts/index.js';
import { BadRequestError, ConflictError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm } from '../../shared/http/index.js';
import { askForRenewal } from './candidate-ask-service.js';
import { emptySchema, relaxationSchema } from './candidate-help-schemas.js';
import { applyRelaxation } from './candidate-relaxation-service.js';
import { startWaiting, stopWaiting } from './candidate-watch-service.js';
import { AUDITED_CASE, loadRequest } from '../requests/index.js';

/**
 * The ways forward the candidates page offers: widening one of the request's own wishes, or asking the
 * organisations of people left out by their vetting alone to renew it, or waiting for someone to turn
 * up. Each is a plain
 * form (no script needed) that ends back on the candidates page; the request must be the actor's
 * municipality's (a 404 otherwise) before any input is read.
 */
export function candidateHelpRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const id = (req: Request) => String(req.params.requestId);
  const back = (req: Request) => `/sager/${id(req)}/kandidater`;

  defineRoute(
    router,
    {
      method: 'post',
      path: '/sager/:requestId/kandidater/udvid',
      action: 'requests:work',
      audited: AUDITED_CASE,
    },
    guard,
    async (req, res) => {
      const request = await loadRequest(currentActor(req)!, id(req));
      const form = parseForm(relaxationSchema, req.body);
      if (!form.ok) throw new BadRequestError('Unusable change');
      if (request.status === 'closed') throw new ConflictError('The request is closed');
      const applied = await applyRelaxation(currentActor(req)!, request, form.data, context(req));
      flash(
        req,
        applied ? 'success' : 'warning',
        applied ? 'candidateHelp.relax.applied' : 'candidateHelp.relax.refused',
      );
      res.redirect(303, back(req));
    },
  );

  defineRoute(
    router,
    {
      method: 'post',
      path: '/sager/:requestId/kandidater/bed-om-fornyelse',
      action: 'requests:work',
      audited: AUDITED_CASE,
    },
    guard,
    async (req, res) => {
      const request = await loadRequest(currentActor(req)!, id(req));
      if (!parseForm(emptySchema, req.body).ok) throw new BadRequestError('Unusable request');
      if (request.status === 'closed') throw new ConflictError('The request is closed');
      const { asked, already } = await askForRenewal(
        currentActor(req)!,
        request,
        settings.baseUrl,
        context(req),
      );
      flash(
        req,
        asked > 0 ? 'success' : 'info',
        asked > 0
          ? 'candidateHelp.ask.sent'
          : already > 0
            ? 'candidateHelp.ask.already'
            : 'candidateHelp.ask.nobody',
      );
      res.redirect(303, back(req));
    },
  );

  for (const [segment, start] of [
    ['vent', true],
    ['stop-vent', false],
  ] as const) {
    defineRoute(
      router,
      {
        method: 'post',
        path: `/sager/:requestId/kandidater/${segment}`,
        action: 'requests:work',
        audited: AUDITED_CASE,
      },
      guard,
      async (req, res) => {
        const request = await loadRequest(currentActor(req)!, id(req));
        if (!parseForm(emptySchema, req.body).ok) throw new BadRequestError('Unusable request');
        await (start ? startWaiting : stopWaiting)(currentActor(req)!, request, context(req));
        flash(req, 'success', start ? 'candidateHelp.wait.started' : 'candidateHelp.wait.stopped');
        res.redirect(303, back(req));
      },
    );
  }

  return router;
}
