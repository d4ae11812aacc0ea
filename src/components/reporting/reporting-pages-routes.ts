import { Router, type Request } from 'express';
import { contextFor, currentActor, authorize, type AccountsSettings } from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import { defineRoute } from '../../shared/http/index.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { BadRequestError } from '../../shared/errors/index.js';
import { sendTableCsv } from './report-export.js';
import { tableView } from './report-page-table.js';
import { supplyReportFor, supplyTableForExport } from './supply-demand-service.js';
import { SUPPLY_TABLE_IDS } from './supply-demand-tables.js';
import { supplyMapOf } from './supply-map-chart.js';
import { VETTING_TABLE_IDS, vettingHealthFor, vettingTableForExport } from './vetting-health-service.js';

const SUPPLY_PATH = '/kommune/rapport/udbud';
const VETTING_PATH = '/kommune/rapport/godkendelser';

type Translate = (key: string, params?: Record<string, unknown>) => string;

function translateFor(req: Request): Translate {
  const t = translatorFor(req.res?.locals.lang === 'en' ? 'en' : 'da');
  return (key, params) => String(t(key, params));
}

const tableIdOf = (req: Request, ids: readonly string[]): string => {
  const id = typeof req.query.tabel === 'string' ? req.query.tabel : '';
  if (!ids.includes(id)) throw new BadRequestError('Unknown table');
  return id;
};

/** The municipality's supply-and-demand and vetting-health reports, each with CSV exports of its tables. */
export function reportingPagesRoutes(settings: AccountsSettings): Router {
  const router = Router();

  defineRoute(
    router,
    { method: 'get', path: SUPPLY_PATH, action: 'reports:municipality' },
    authorize('reports:municipality'),
    async (req, res) => {
      const actor = currentActor(req)!;
      const t = translateFor(req);
      const { report, tables, short } = await supplyReportFor(actor);
      const shortList = short.map((area) => `${area.postcode} ${area.name} (${area.gapValue})`).join(', ');
      res.render('reporting/supply', {
        titleKey: 'reportPages.supply.title',
        municipalityName: findMunicipality(actor.municipalityCode ?? '')?.name,
        summary: t('reportPages.supply.summary', {
          requests: report.totals.requests.text,
          freePlaces: report.totals.freePlaces,
          offers: report.totals.offers,
        }),
        shortSummary: short.length
          ? t('reportPages.supply.shortAreas', { areas: shortList })
          : t('reportPages.supply.noShortAreas'),
        map: supplyMapOf(report.areas),
        tables: tables.map((table) => tableView(table, t, `${SUPPLY_PATH}/csv?tabel=${table.id}`)),
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: `${SUPPLY_PATH}/csv`, action: 'reports:municipality' },
    authorize('reports:municipality'),
    async (req, res) => {
      const tableId = tableIdOf(req, SUPPLY_TABLE_IDS);
      const table = await supplyTableForExport(
        currentActor(req)!,
        tableId,
        contextFor(req, settings.baseUrl),
      );
      if (!table) throw new BadRequestError('Unknown table');
      sendTableCsv(res, table, translateFor(req), `brobygning-udbud-${table.id}.csv`);
    },
  );

  defineRoute(
    router,
    { method: 'get', path: VETTING_PATH, action: 'reports:municipality' },
    authorize('reports:municipality'),
    async (req, res) => {
      const actor = currentActor(req)!;
      const t = translateFor(req);
      const { health, declarations, tables, year, warningDays } = await vettingHealthFor(actor);
      res.render('reporting/vetting-health', {
        titleKey: 'reportPages.vetting.title',
        municipalityName: findMunicipality(actor.municipalityCode ?? '')?.name,
        year,
        peopleSummary: t('reportPages.vetting.peopleSummary', {
          valid: health.people.valid + health.people.expiring,
          total: health.people.total,
          expiring: health.people.expiring,
          expired: health.people.expired,
          days: warningDays,
        }),
        declarationsSummary: t('reportPages.vetting.declarationsSummary', { ...declarations, year }),
        tables: tables.map((table) => tableView(table, t, `${VETTING_PATH}/csv?tabel=${table.id}`)),
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: `${VETTING_PATH}/csv`, action: 'reports:municipality' },
    authorize('reports:municipality'),
    async (req, res) => {
      const tableId = tableIdOf(req, VETTING_TABLE_IDS);
      const table = await vettingTableForExport(
        currentActor(req)!,
        tableId,
        contextFor(req, settings.baseUrl),
      );
      if (!table) throw new BadRequestError('Unknown table');
      sendTableCsv(res, table, translateFor(req), `brobygning-godkendelser-${table.id}.csv`);
    },
  );

  return router;
}
