import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors/index.js';
import {
  defineRoute,
  flash,
  isObjectIdShape,
  parseForm,
  provideCsrfToken,
  type AuditedObject,
} from '../../shared/http/index.js';
import { checklistModel, receiptModel } from './consent-pages.js';
import { consentSchema, workerWithdrawalSchema } from './consent-schemas.js';
import { recordConsent, withdrawAsWorker } from './consent-service.js';

const CONSENT_ID = /^[0-9a-f-]{36}$/;

// A refused attempt on a match's consent pages is audited as the consent log names it: the match's id
// until a consent is named, then the consent's.
const MATCH_CONSENTS: AuditedObject = {
  objectType: 'consent',
  id: { param: 'matchId', isId: isObjectIdShape },
};
const ONE_CONSENT: AuditedObject = {
  objectType: 'consent',
  id: { param: 'consentId', isId: (value) => CONSENT_ID.test(value) },
};

/** What the person typed, to show again with a message from the service. */
function stringValues(body: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf',
    ),
  );
}

/**
 * The social worker's consent pages for a match of their request: the checklist and history, recording
 * a consent (answered with the family's receipt and its withdrawal link, shown this once), and recording
 * a withdrawal the family made by phone, letter or in person. The ledger has no edit or delete route.
 */
export function consentRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const base = '/sager/:requestId/match/:matchId/samtykke';
  const ids = (req: Request) => [String(req.params.requestId), String(req.params.matchId)] as const;
  const page = (req: Request) => `/sager/${ids(req)[0]}/match/${ids(req)[1]}/samtykke`;

  defineRoute(
    router,
    { method: 'get', path: base, action: 'requests:work', audited: MATCH_CONSENTS },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const model = await checklistModel(currentActor(req)!, ...ids(req), context(req));
      renderForm(res, 'consent/checklist', model, {}, model.defaults);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: base, action: 'requests:work', audited: MATCH_CONSENTS },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const actor = currentActor(req)!;
      // The match must be the team's before the form is read (a tampered id is a 404).
      const model = await checklistModel(actor, ...ids(req), context(req));
      const form = parseForm(consentSchema, req.body);
      if (!form.ok) return renderForm(res, 'consent/checklist', model, form.fieldErrors, form.values);
      try {
        const recorded = await recordConsent(actor, ...ids(req), form.data, context(req));
        res.render(
          'consent/receipt',
          receiptModel(recorded.match, form.data, `${settings.baseUrl}/samtykke/${recorded.token}`),
        );
      } catch (error) {
        if (error instanceof ValidationError)
          return renderForm(res, 'consent/checklist', model, error.fieldErrors, stringValues(req.body));
        if (error instanceof ForbiddenError) {
          flash(req, 'warning', 'consent.record.onlyResponsible');
          return res.redirect(303, page(req));
        }
        throw error;
      }
    },
  );

  defineRoute(
    router,
    { method: 'post', path: `${base}/:consentId/tilbagekald`, action: 'requests:work', audited: ONE_CONSENT },
    guard,
    async (req, res) => {
      const consentId = String(req.params.consentId);
      if (!CONSENT_ID.test(consentId)) throw new NotFoundError();
      const model = await checklistModel(currentActor(req)!, ...ids(req), context(req));
      if (!model.inForce.some((consent) => consent.consentId === consentId)) throw new NotFoundError();
      const form = parseForm(workerWithdrawalSchema, req.body);
      if (!form.ok) return renderForm(res, 'consent/checklist', model, form.fieldErrors, form.values);
      const outcome = await withdrawAsWorker(
        currentActor(req)!,
        ...ids(req),
        consentId,
        form.data,
        context(req),
      );
      flash(req, outcome === 'done' ? 'success' : 'warning', `consent.withdraw.${outcome}`);
      res.redirect(303, page(req));
    },
  );

  return router;
}
