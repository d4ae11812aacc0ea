import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { BadRequestError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { setBookmark } from './bookmark-service.js';
import { bookmarkSchema, candidatesQuerySchema, compareQuerySchema } from './candidate-schemas.js';
import { candidatesPage, comparePage } from './candidate-service.js';
import { AUDITED_CASE, loadRequest } from '../requests/index.js';

/**
 * The social worker's candidates for a request: the ranked, explained list (with propose and bookmark
 * forms), bookmarks, and two candidates side by side. The request must be the actor's municipality's
 * (a 404 otherwise) before any input is read; unusable query strings are a 400.
 */
export function candidateRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const id = (req: Request) => String(req.params.requestId);

  defineRoute(
    router,
    { method: 'get', path: '/sager/:requestId/kandidater', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const request = await loadRequest(currentActor(req)!, id(req));
      const query = parseForm(candidatesQuerySchema, req.query);
      if (!query.ok) throw new BadRequestError('Unusable candidate query');
      renderForm(
        res,
        'candidates/candidates',
        await candidatesPage(currentActor(req)!, request, query.data.side, context(req)),
      );
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/sager/:requestId/sammenlign', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    async (req, res) => {
      const request = await loadRequest(currentActor(req)!, id(req));
      const query = parseForm(compareQuerySchema, req.query);
      if (!query.ok) throw new BadRequestError('Unusable comparison');
      res.render(
        'candidates/compare',
        await comparePage(currentActor(req)!, request, [query.data.a, query.data.b], context(req)),
      );
    },
  );

  for (const [segment, on] of [
    ['bogmaerke', true],
    ['fjern-bogmaerke', false],
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
        await loadRequest(currentActor(req)!, id(req));
        const form = parseForm(bookmarkSchema, req.body);
        if (!form.ok) throw new BadRequestError('Unusable bookmark');
        await setBookmark(currentActor(req)!, id(req), form.data.candidate, on, context(req));
        flash(req, 'success', on ? 'candidates.bookmarks.added' : 'candidates.bookmarks.removed');
        res.redirect(303, `/sager/${id(req)}/kandidater`);
      },
    );
  }

  return router;
}
