import { Router, type Request } from 'express';
import { authorize, contextFor, currentActor, type AccountsSettings } from '../accounts/index.js';
import { toCsv, withReadableMonths } from '../reporting/index.js';
import { defineRoute, type AuditedObject } from '../../shared/http/index.js';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { BadRequestError } from '../../shared/errors/index.js';
import { csvOf, monthsChartView, tableView } from './activity-view.js';
import { ORGANISATION_TABLE_IDS } from './organisation-report-rules.js';
import { organisationReport, organisationTableForExport } from './organisation-report-service.js';
import { volunteerRecord } from './volunteer-record-service.js';

/** A report exported as a file: an attempt without the right to it is audited (see defineRoute). */
const EXPORT: AuditedObject = { objectType: 'report-export' };

const languageOf = (req: Request): Language => (req.res?.locals.lang === 'en' ? 'en' : 'da');

/** "marts 2026": the month a record starts, in the page's language. */
function monthName(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** The coordinator's report on the own organisation (with CSV exports) and the volunteer's own record. */
export function activityReportsRoutes(settings: AccountsSettings): Router {
  const router = Router();

  defineRoute(
    router,
    { method: 'get', path: '/forening/rapport', action: 'reports:organisation' },
    authorize('reports:organisation'),
    async (req, res) => {
      const report = await organisationReport(currentActor(req)!);
      const language = languageOf(req);
      const tables = report.tables.map((table) => tableView(withReadableMonths(table, language)));
      const months = report.tables.find((table) => table.id === 'months')!;
      const running = report.tables
        .find((table) => table.id === 'offers')!
        .rows.at(-1)!
        .cells.at(-1)!;
      res.render('activity-reports/organisation', {
        titleKey: 'activityReports.organisation.title',
        organisationName: report.organisationName,
        today: report.today,
        running: running.text,
        months: tables.find((table) => table.id === 'months'),
        ...monthsChartView(months, language),
        tables: tables.filter((table) => table.id !== 'months'),
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/forening/rapport/csv', action: 'reports:organisation', audited: EXPORT },
    authorize('reports:organisation'),
    async (req, res) => {
      const tableId = typeof req.query.tabel === 'string' ? req.query.tabel : '';
      if (!(ORGANISATION_TABLE_IDS as readonly string[]).includes(tableId)) {
        throw new BadRequestError('Unknown table');
      }
      const exported = await organisationTableForExport(
        currentActor(req)!,
        tableId,
        contextFor(req, settings.baseUrl),
      );
      if (!exported) throw new BadRequestError('Unknown table');
      const language = languageOf(req);
      const { header, rows } = csvOf(withReadableMonths(exported.table, language), translatorFor(language));
      res
        .type('text/csv; charset=utf-8')
        .attachment(`brobygning-forening-${tableId}-${exported.report.today}.csv`)
        .send(toCsv(header, rows));
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/frivillig/min-indsats', action: 'reports:own-volunteering' },
    authorize('reports:own-volunteering'),
    async (req, res) => {
      const record = await volunteerRecord(currentActor(req)!);
      res.render('activity-reports/volunteer', {
        titleKey: 'activityReports.volunteer.title',
        record,
        sinceMonth: record.since ? monthName(record.since, languageOf(req)) : undefined,
      });
    },
  );

  return router;
}
