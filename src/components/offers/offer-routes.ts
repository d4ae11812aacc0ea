import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { ValidationError } from '../../shared/errors/index.js';
import { defineRoute, emptySchema, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { chosenAdults, offerFormModel, valuesFromOffer } from './offer-form-model.js';
import { offerSchema } from './offer-schemas.js';
import {
  adultChoices,
  createOffer,
  findOwnOffer,
  listOwnOffers,
  setOfferStatus,
  updateOffer,
} from './offer-service.js';

// Pause and activate buttons send nothing but the CSRF token; anything else is a tampered form.

/** What was typed, to show again after a refusal from the service (the schema had accepted it). */
function typedValues(body: unknown): Record<string, string> {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf',
    ),
  );
}

/**
 * A coordinator's offers: list, create, edit, pause and activate. The organisation always comes from
 * the coordinator's active role; an offer of another organisation is a 404 on every route.
 */
export function offerRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('offers:manage');
  const route = (method: 'get' | 'post', path: string) => ({
    method,
    path,
    action: 'offers:manage' as const,
  });

  /** Saves a valid form, or shows it again with messages and everything that was typed. */
  async function submit(req: Request, res: Response, offerId: string | undefined) {
    const actor = currentActor(req)!;
    const subject = { offerId, adults: await adultChoices(actor) };
    const form = parseForm(offerSchema, req.body);
    if (!form.ok) {
      const model = offerFormModel(subject, form.values, chosenAdults(req));
      return renderForm(res, 'offers/form', model, form.fieldErrors, form.values);
    }
    try {
      const context = contextFor(req, settings.baseUrl);
      if (offerId) await updateOffer(actor, offerId, form.data, context);
      else await createOffer(actor, form.data, context);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const typed = typedValues(req.body);
      const model = offerFormModel(subject, typed, chosenAdults(req));
      return renderForm(res, 'offers/form', model, error.fieldErrors, typed);
    }
    flash(req, 'success', offerId ? 'offers.flash.updated' : 'offers.flash.created');
    res.redirect(303, '/forening/tilbud');
  }

  defineRoute(router, route('get', '/forening/tilbud'), guard, provideCsrfToken, async (req, res) => {
    const offers = await listOwnOffers(currentActor(req)!);
    res.render('offers/list', { titleKey: 'offers.list.title', offers });
  });

  defineRoute(router, route('get', '/forening/tilbud/ny'), guard, provideCsrfToken, async (req, res) => {
    const actor = currentActor(req)!;
    const adults = await adultChoices(actor);
    // A new offer starts with the coordinator as its adult when they are a member.
    renderForm(res, 'offers/form', offerFormModel({ adults }, {}, new Set([actor.userId])));
  });

  defineRoute(router, route('post', '/forening/tilbud/ny'), guard, provideCsrfToken, (req, res) =>
    submit(req, res, undefined),
  );

  defineRoute(
    router,
    route('get', '/forening/tilbud/:offerId'),
    guard,
    provideCsrfToken,
    async (req, res) => {
      const actor = currentActor(req)!;
      const offer = await findOwnOffer(actor, String(req.params.offerId));
      const subject = { offerId: String(offer._id), adults: await adultChoices(actor) };
      const values = valuesFromOffer(offer);
      renderForm(res, 'offers/form', offerFormModel(subject, values, new Set(offer.adultIds)), {}, values);
    },
  );

  defineRoute(
    router,
    route('post', '/forening/tilbud/:offerId'),
    guard,
    provideCsrfToken,
    async (req, res) => {
      // Ownership first: another organisation's offer is a 404 whatever the form holds.
      const offer = await findOwnOffer(currentActor(req)!, String(req.params.offerId));
      await submit(req, res, String(offer._id));
    },
  );

  for (const [segment, status] of [
    ['pause', 'paused'],
    ['aktiver', 'active'],
  ] as const) {
    defineRoute(
      router,
      route('post', `/forening/tilbud/:offerId/${segment}`),
      guard,
      provideCsrfToken,
      async (req, res) => {
        const actor = currentActor(req)!;
        const offer = await findOwnOffer(actor, String(req.params.offerId));
        parseForm(emptySchema, req.body);
        await setOfferStatus(actor, String(offer._id), status, contextFor(req, settings.baseUrl));
        flash(req, 'success', status === 'paused' ? 'offers.flash.paused' : 'offers.flash.activated');
        res.redirect(303, '/forening/tilbud');
      },
    );
  }

  return router;
}
