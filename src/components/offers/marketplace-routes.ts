import { Router, type Request, type Response } from 'express';
import { authorize, renderForm } from '../accounts/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { defineRoute, parseForm } from '../../shared/http/index.js';
import { renderedMarketplacePage } from './marketplace-page-cache.js';
import {
  DEFAULT_DISTANCE_KM,
  findMarketplaceOffer,
  loadedMarketplace,
  marketplaceDay,
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

/** The view without the layout, as HTML: the search's content, the same for every visitor. */
function renderContent(res: Response, view: string, model: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.render(view, { ...model, errors: {}, errorList: [], layout: false }, (error, html) =>
      error ? reject(error) : resolve(html),
    );
  });
}

/** The public marketplace: anyone, logged in or not, browses running offers; it works without JavaScript. */
export function marketplaceRoutes(): Router {
  const router = Router();
  const open = authorize('public');

  defineRoute(router, { method: 'get', path: '/tilbud', action: 'public' }, open, async (req, res) => {
    const base = { titleKey: 'offers.market.title' };
    // The select shows them and a chosen municipality must be one of them; the whole request uses this
    // one value of the list's read model.
    const loaded = await loadedMarketplace();
    const onboarded = loaded.value.municipalities;
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
    const now = new Date();
    const language = String(res.locals.lang);
    const key = JSON.stringify([language, marketplaceDay(now), form.data, values]);
    const content = await renderedMarketplacePage(loaded, key, () => {
      const result = searchMarketplace(loaded.value, form.data, now);
      return renderContent(res, 'offers/marketplace', {
        ...filterModel(values, onboarded),
        ...result,
        values,
        searched: true,
        byDistance: Boolean(form.data.postnummer),
        distance: form.data.afstand ?? DEFAULT_DISTANCE_KM,
        previous: result.page > 1 ? pageHref(values, result.page - 1) : undefined,
        next: result.page < result.pages ? pageHref(values, result.page + 1) : undefined,
      });
    });
    // The site's layout around it is rendered per request: the header is the visitor's own.
    res.render('offers/marketplace-page', { ...base, content });
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
