import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { defineRoute, parseForm } from '../../shared/http/index.js';
import { ownMunicipality } from '../requests/index.js';
import { searchSchema, type SearchQuery } from './search-schemas.js';
import { searchCandidates } from './search-service.js';

const KEYS = ['interesse', 'postnummer', 'afstand', 'ugedag'] as const;
const DISTANCES = [5, 10, 25, 50, 100];

function echo(raw: Request['query']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of KEYS) if (typeof raw[key] === 'string') values[key] = raw[key].trim();
  return values;
}

function pageHref(values: Record<string, string>, page: number): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (values[key]) params.set(key, values[key]);
  params.set('side', String(page));
  return `/sager/soeg?${params.toString()}`;
}

const choices = (values: Record<string, string>) => ({
  titleKey: 'candidates.search.title',
  distances: DISTANCES.map((km) => ({ km, selected: String(km) === (values.afstand || '25') })),
  weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    selected: values.ugedag === String(weekday),
  })),
});

/** The social worker's direct search of offers and volunteers (mounted before /sager/:requestId). */
export function searchRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('requests:work');

  defineRoute(
    router,
    { method: 'get', path: '/sager/soeg', action: 'requests:work' },
    guard,
    async (req, res) => {
      ownMunicipality(currentActor(req)!);
      const form = parseForm(searchSchema, req.query);
      if (!form.ok) {
        res.status(400);
        return renderForm(
          res,
          'candidates/search',
          { ...choices(form.values), searched: false },
          form.fieldErrors,
          form.values,
        );
      }
      const values = echo(req.query);
      const searched = KEYS.some((key) => values[key]);
      const query: SearchQuery = form.data;
      const result = searched
        ? await searchCandidates(currentActor(req)!, query, contextFor(req, settings.baseUrl))
        : undefined;
      renderForm(
        res,
        'candidates/search',
        {
          ...choices(values),
          searched,
          ...result,
          previous: result && result.page > 1 ? pageHref(values, result.page - 1) : undefined,
          next: result && result.page < result.pages ? pageHref(values, result.page + 1) : undefined,
        },
        {},
        values,
      );
    },
  );

  return router;
}
