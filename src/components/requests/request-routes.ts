import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { caseloadOf } from './caseload-service.js';
import type { CandidateWaits } from './candidate-waits.js';
import { requestPageModel } from './request-page.js';
import { AUDITED_CASE, loadRequest } from './request-access.js';
import { NEW_REQUEST_VALUES, requestFormModel, ticked, valuesFromRequest } from './request-form-model.js';
import { emptySchema, requestSchema, transferSchema } from './request-schemas.js';
import {
  closeRequest,
  createRequest,
  mayEdit,
  networkChoices,
  transferRequest,
  updateRequest,
} from './request-service.js';

const FORM = 'requests/request-form';

/** What was typed, as strings only (ticked boxes come back through the model), to show the form again. */
function typedValues(body: unknown): Record<string, string> {
  const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
  return Object.fromEntries(
    fields.filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * A social worker's requests: the caseload, the two-minute form, the detail page (the team reads it),
 * editing, transfer and closing (the responsible worker). Tenant and responsible worker come from the
 * session, never the form; a request of another municipality is a 404 in the service.
 */
export function requestRoutes(settings: AccountsSettings, waits: CandidateWaits): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const id = (req: Request) => String(req.params.requestId);

  /** Runs a change; "not yours" and "not now" become a message on the request page. */
  const change = async (
    req: Request,
    res: Response,
    work: () => Promise<void>,
    done: string,
    refused: string,
  ) => {
    try {
      await work();
      flash(req, 'success', done);
    } catch (error) {
      if (error instanceof ForbiddenError) flash(req, 'warning', 'matching.request.onlyResponsible');
      else if (error instanceof ConflictError || error instanceof ValidationError)
        flash(req, 'warning', refused);
      else throw error;
    }
    res.redirect(303, `/sager/${id(req)}`);
  };

  defineRoute(router, { method: 'get', path: '/sager', action: 'requests:work' }, guard, async (req, res) => {
    res.render('requests/caseload', {
      titleKey: 'matching.caseload.title',
      ...(await caseloadOf(currentActor(req)!, context(req))),
    });
  });

  const formModel = async (req: Request, requestId?: string) => {
    const organisations = await networkChoices(currentActor(req)!.municipalityCode ?? '');
    return requestFormModel({ requestId, organisations }, req.body ?? {}, {
      languages: ticked(req, 'homeLanguages'),
      network: ticked(req, 'networkOrganisationIds'),
    });
  };

  const save = async (req: Request, res: Response, requestId?: string) => {
    const form = parseForm(requestSchema, req.body);
    const model = await formModel(req, requestId);
    if (!form.ok) return renderForm(res, FORM, model, form.fieldErrors, form.values);
    const actor = currentActor(req)!;
    try {
      if (requestId) await updateRequest(actor, requestId, form.data, context(req));
      else requestId = await createRequest(actor, form.data, context(req));
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(res, FORM, model, error.fieldErrors, typedValues(req.body));
      if (!(error instanceof ForbiddenError)) throw error;
      flash(req, 'warning', 'matching.request.onlyResponsible');
      return res.redirect(303, `/sager/${requestId}`);
    }
    flash(req, 'success', 'matching.request.saved');
    res.redirect(303, `/sager/${requestId}`);
  };

  defineRoute(
    router,
    { method: 'get', path: '/sager/ny', action: 'requests:work' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const model = requestFormModel(
        { organisations: await networkChoices(currentActor(req)!.municipalityCode ?? '') },
        NEW_REQUEST_VALUES,
        {
          languages: new Set(['da']),
          network: new Set(),
        },
      );
      renderForm(res, FORM, model, {}, NEW_REQUEST_VALUES);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/sager/ny', action: 'requests:work' },
    guard,
    provideCsrfToken,
    (req, res) => save(req, res),
  );

  defineRoute(
    router,
    { method: 'get', path: '/sager/:requestId', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    provideCsrfToken,
    async (req, res) => {
      res.render(
        'requests/request',
        await requestPageModel(currentActor(req)!, id(req), context(req), waits),
      );
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/sager/:requestId/rediger', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const actor = currentActor(req)!;
      const request = await loadRequest(actor, id(req));
      if (!(await mayEdit(actor, request))) {
        flash(req, 'warning', 'matching.request.onlyResponsible');
        return res.redirect(303, `/sager/${id(req)}`);
      }
      const { values, chosen } = valuesFromRequest(request);
      const organisations = await networkChoices(request.municipalityCode);
      renderForm(
        res,
        FORM,
        requestFormModel({ requestId: id(req), organisations }, values, chosen),
        {},
        values,
      );
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/sager/:requestId/rediger', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    provideCsrfToken,
    async (req, res) => {
      // The request must exist in the tenant before the form is even read (404 first, never a 400 leak).
      await loadRequest(currentActor(req)!, id(req));
      await save(req, res, id(req));
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/sager/:requestId/overdrag', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    async (req, res) => {
      await loadRequest(currentActor(req)!, id(req));
      const form = parseForm(transferSchema, req.body);
      if (!form.ok) {
        flash(req, 'warning', 'matching.transfer.choose');
        return res.redirect(303, `/sager/${id(req)}`);
      }
      await change(
        req,
        res,
        () => transferRequest(currentActor(req)!, id(req), form.data.colleagueId, context(req)),
        'matching.transfer.done',
        'matching.transfer.choose',
      );
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/sager/:requestId/luk', action: 'requests:work', audited: AUDITED_CASE },
    guard,
    async (req, res) => {
      parseForm(emptySchema, req.body);
      await change(
        req,
        res,
        () => closeRequest(currentActor(req)!, id(req), context(req)),
        'matching.request.closed',
        'matching.request.closeHasMatch',
      );
    },
  );

  return router;
}
