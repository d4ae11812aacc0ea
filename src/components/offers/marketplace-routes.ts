import { Router, type Request } from 'express';
import { authorize, renderForm } from '../accounts/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { defineRoute, parseForm } from '../../shared/http/index.js';
import {
  DEFAULT_DISTANCE_KM,
  findMarketplaceOffer,
  marketplaceMunicipalities,
  searchMarketplace,
} from './marketplace-service.js';
import { OFFER_CATEGORIES, WEEKDAYS } from './offer-rules.js';
import { marketplaceSchema, type MarketplaceQuery } from './offer-schemas.js';

const DISTANCES = [5, 10, 25, 50, 100];
const FILTER_KEYS = ['kommune', 'postnummer', 'afstand', 'kategori', 'alder', 'ugedag'] as const;

/** The filter form's selects, with what the visitor chose (or typed) selected again. */
function filterModel(values: Record<string, string>, onboarded: Array<{ code: string; name: string }>) {
  const chosenDistance = values.afstand || String(DEFAULT_DISTANCE_KM);
  return {
    municipalities: onboarded.map((m) => ({
      code: m.code,
      name: m.name,
      selected: values.kommune === m.code,
    })),
    distances: DISTANCES.map((km) => ({ km, selected: String(km) === chosenDistance })),
    categories: OFFER_CATEGORIES.map((category) => ({ category, selected: values.kategori === category })),
    weekdays: WEEKDAYS.map((weekday) => ({ weekday, selected: values.ugedag === String(weekday) })),
  };
}

/** A link to another page of the same search (the filters travel in the query string). */
function pageHref(values: Record<string, string>, page: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) params.set(key, values[key]);
  params.set('side', String(page));
  return `/tilbud?${params.toString()}`;
}

function echo(query: MarketplaceQuery, raw: Request['query']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (typeof raw[key] === 'string') values[key] = raw[key].trim();
  if (query.afstand === undefined && !query.postnummer) delete values.afstand;
  return values;
}

/** The public marketplace: anyone, logged in or not, browses running offers; it works without JavaScript. */
export function marketplaceRoutes(): Router {
  const router = Router();
  const open = authorize('public');

  defineRoute(router, { method: 'get', path: '/tilbud', action: 'public' }, open, async (req, res) => {
    const base = { titleKey: 'offers.market.title' };
    // The select shows them and a chosen municipality must be one of them (from the list's read model).
    const onboarded = await marketplaceMunicipalities();
    const form = parseForm(marketplaceSchema, req.query);
    if (!form.ok) {
      const model = { ...base, ...filterModel(form.values, onboarded), searched: false };
      return renderForm(res, 'offers/marketplace', model, form.fieldErrors, form.values);
    }
    const values = echo(form.data, req.query);
    if (form.data.kommune && !onboarded.some((m) => m.code === form.data.kommune)) {
      const model = { ...base, ...filterModel(values, onboarded), searched: false };
      return renderForm(res, 'offers/marketplace', model, { kommune: 'offers.market.municipality' }, values);
    }
    const result = await searchMarketplace(form.data);
    renderForm(
      res,
      'offers/marketplace',
      {
        ...base,
        ...filterModel(values, onboarded),
        ...result,
        searched: true,
        byDistance: Boolean(form.data.postnummer),
        distance: form.data.afstand ?? DEFAULT_DISTANCE_KM,
        previous: result.page > 1 ? pageHref(values, result.page - 1) : undefined,
        next: result.page < result.pages ? pageHref(values, result.page + 1) : undefined,
      },
      {},
      values,
    );
  });

  defineRoute(
    router,
    { method: 'get', path: '/tilbud/:offerId', action: 'public' },
    open,
    async (req, res) => {
      const offer = await findMarketplaceOffer(String(req.params.offerId));
      if (!offer) throw new NotFoundError();
      res.render('offers/details', { titleKey: 'offers.details.title', offer });
    },
  );

  return router;
}
