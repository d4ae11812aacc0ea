import { Router, type Request } from 'express';
import {
  authorize,
  can,
  contextFor,
  currentActor,
  renderForm,
  type AccountsSettings,
} from '../accounts/index.js';
import { findMunicipality, findPostcode } from '../geography/index.js';
import {
  defineRoute,
  flash,
  parseForm,
  provideCsrfToken,
  type AuditedObject,
} from '../../shared/http/index.js';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { BadRequestError } from '../../shared/errors/index.js';
import type { Period } from './figures-rules.js';
import { GOAL_METRICS } from './goal-rules.js';
import { sendTableCsv } from './report-export.js';
import { withReadableMonths } from './report-page-table.js';
import { barChartOf } from './report-chart.js';
import { TABLE_IDS, type ReportTable } from './report-tables.js';
import { dashboardFor, defaultPeriod, goalsOf, saveGoals, tableForExport } from './reporting-service.js';
import { areaQuerySchema, goalsFormSchema, periodQuerySchema } from './reporting-schemas.js';

/** A report exported as a file: an attempt without the right to it is audited (see defineRoute). */
const EXPORT: AuditedObject = { objectType: 'report-export' };

interface AskedPeriod {
  period: Period;
  /** Per query field, the catalog key of what is wrong with it; empty when the period was understood. */
  fieldErrors: Record<string, string>;
}

/** The period asked for, or the current year when it is missing or unreadable (then said by the fields). */
function periodFrom(query: unknown): AskedPeriod {
  const parsed = periodQuerySchema.safeParse(query);
  const fallback = defaultPeriod();
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    // A repeated parameter arrives as an array: "invalid", as in every form.
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0])] ??=
        issue.code === 'invalid_type' ? 'forms.errors.invalid' : issue.message;
    return { period: fallback, fieldErrors };
  }
  const period = { from: parsed.data.fra ?? fallback.from, to: parsed.data.til ?? fallback.to };
  // Said by "til" also when only "fra" was given: the field then shows the default end, today.
  if (period.from > period.to)
    return { period: fallback, fieldErrors: { til: 'reporting.dashboard.toBeforeFrom' } };
  return { period, fieldErrors: {} };
}

/** What was typed into the period's fields, to show again beside their messages. */
const typedPeriod = (query: Record<string, unknown>, period: Period) => ({
  fra: typeof query.fra === 'string' ? query.fra : period.from,
  til: typeof query.til === 'string' ? query.til : period.to,
});

/** The postcode area asked for, if any. */
const areaFrom = (query: unknown): string | undefined => {
  const parsed = areaQuerySchema.safeParse(query);
  return parsed.success ? parsed.data.omraade : undefined;
};

/** A table as the view shows it: each cell knows its column (the label on narrow screens), and its CSV link. */
const forView = (table: ReportTable, query: string) => ({
  ...table,
  rows: table.rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell, index) => ({ ...cell, columnKey: table.columnKeys[index + 1] })),
  })),
  csvHref: `/kommune/rapport/csv?tabel=${table.id}&${query}`,
});

const languageOf = (req: Request): Language => (req.res?.locals.lang === 'en' ? 'en' : 'da');

/** The municipal administrator's outcome report, its CSV exports and the yearly goals. */
export function reportingRoutes(settings: AccountsSettings): Router {
  const router = Router();

  defineRoute(
    router,
    { method: 'get', path: '/kommune/rapport', action: 'reports:municipality' },
    authorize('reports:municipality'),
    async (req, res) => {
      const actor = currentActor(req)!;
      const { period, fieldErrors } = periodFrom(req.query);
      const understood = Object.keys(fieldErrors).length === 0;
      const asked = areaFrom(req.query);
      const dashboard = await dashboardFor(actor, period, asked);
      const months = dashboard.tables.find((table) => table.id === 'months')!;
      const query = `fra=${period.from}&til=${period.to}${dashboard.area ? `&omraade=${dashboard.area}` : ''}`;
      res.render('reporting/dashboard', {
        titleKey: 'reporting.dashboard.title',
        municipalityName: findMunicipality(actor.municipalityCode ?? '')?.name,
        period,
        periodNotUnderstood: !understood,
        errors: fieldErrors,
        values: understood ? { fra: period.from, til: period.to } : typedPeriod(req.query, period),
        area: dashboard.area,
        areaName: dashboard.area ? findPostcode(dashboard.area)?.name : undefined,
        areaNotShown: asked !== undefined && dashboard.area === undefined,
        areas: dashboard.areas.map((postcode) => ({
          postcode,
          name: findPostcode(postcode)?.name ?? '',
          selected: postcode === dashboard.area,
        })),
        asOf: dashboard.asOf,
        tables: dashboard.tables
          .filter((table) => table.id !== 'months')
          .map((table) => forView(withReadableMonths(table, languageOf(req)), query)),
        months: forView(withReadableMonths(months, languageOf(req)), query),
        chart: barChartOf(months),
        summary: {
          requests: dashboard.tables[0]!.rows[0]!.cells[0]!.text,
          matchedShare: dashboard.tables[0]!.rows[2]!.cells[0]!.text,
        },
        goals: dashboard.goals,
        goalTrend: dashboard.goalTrend
          ? forView(withReadableMonths(dashboard.goalTrend, languageOf(req)), query)
          : undefined,
        goalsYear: period.to.slice(0, 4),
        // The read-only leader sees the goals but is not offered the form that sets them.
        maySetGoals: can(actor, 'reports:goals'),
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/kommune/rapport/csv', action: 'reports:municipality', audited: EXPORT },
    authorize('reports:municipality'),
    async (req, res) => {
      const tableId = typeof req.query.tabel === 'string' ? req.query.tabel : '';
      if (!(TABLE_IDS as readonly string[]).includes(tableId)) throw new BadRequestError('Unknown table');
      // An export is of the period asked for or not at all: never quietly of another one.
      const { period, fieldErrors } = periodFrom(req.query);
      if (Object.keys(fieldErrors).length > 0) throw new BadRequestError('Unreadable period');
      const table = await tableForExport(
        currentActor(req)!,
        period,
        areaFrom(req.query),
        tableId,
        contextFor(req, settings.baseUrl),
      );
      if (!table) throw new BadRequestError('Unknown table');
      const t = translatorFor(languageOf(req));
      sendTableCsv(
        res,
        withReadableMonths(table, languageOf(req)),
        (key) => String(t(key)),
        `brobygning-${tableId}-${period.from}-${period.to}.csv`,
      );
    },
  );

  const goalsPage = (req: Request) => ({
    titleKey: 'reporting.goals.title',
    municipalityName: findMunicipality(currentActor(req)!.municipalityCode ?? '')?.name,
    metrics: GOAL_METRICS,
  });

  defineRoute(
    router,
    { method: 'get', path: '/kommune/rapport/maal', action: 'reports:goals' },
    authorize('reports:goals'),
    provideCsrfToken,
    async (req, res) => {
      const chosen = typeof req.query.aar === 'string' && /^\d{4}$/.test(req.query.aar) ? req.query.aar : '';
      const year = chosen || defaultPeriod().to.slice(0, 4);
      const targets = await goalsOf(currentActor(req)!.municipalityCode ?? '', Number(year));
      const values = Object.fromEntries([
        ['year', year],
        ...Object.entries(targets).map(([metric, target]) => [metric, String(target)]),
      ]);
      renderForm(res, 'reporting/goals', goalsPage(req), {}, values);
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/kommune/rapport/maal', action: 'reports:goals' },
    authorize('reports:goals'),
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(goalsFormSchema, req.body);
      if (!form.ok) return renderForm(res, 'reporting/goals', goalsPage(req), form.fieldErrors, form.values);
      await saveGoals(currentActor(req)!, form.data, contextFor(req, settings.baseUrl));
      flash(req, 'success', 'reporting.goals.saved');
      res.redirect(303, `/kommune/rapport?fra=${form.data.year}-01-01&til=${form.data.year}-12-31`);
    },
  );

  return router;
}
