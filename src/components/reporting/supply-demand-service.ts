import type { Actor, RequestContext } from '../accounts/index.js';
import { POSTCODES } from '../geography/index.js';
import { openRequestsForReport } from '../case-reads/index.js';
import { OFFER_CATEGORIES, runningOffersIn } from '../offers/index.js';
import { organisationsActiveIn } from '../organisations/index.js';
import { reportMunicipalityOf } from './report-access.js';
import type { ReportTable } from './report-tables.js';
import { areasShort, supplyAndDemand, type AreaRow, type SupplyDemand } from './supply-demand-rules.js';
import { supplyTables } from './supply-demand-tables.js';
import { exportedTable } from './report-export.js';

export interface SupplyReport {
  municipalityCode: string;
  report: SupplyDemand;
  tables: ReportTable[];
  short: AreaRow[];
}

/**
 * Offers and free places against open requests in the actor's own municipality, by postcode area, offer
 * category and interest. Only offers of organisations active in the municipality count (a suspended
 * organisation's offers are not on the marketplace either).
 */
export async function supplyReportFor(actor: Actor, now = new Date()): Promise<SupplyReport> {
  return supplyReportIn(reportMunicipalityOf(actor), now);
}

/** The supply report of one municipality; callers have checked that the reader may see it. */
export async function supplyReportIn(municipalityCode: string, now = new Date()): Promise<SupplyReport> {
  const [offers, requests, organisations] = await Promise.all([
    runningOffersIn(municipalityCode, now),
    openRequestsForReport(municipalityCode),
    organisationsActiveIn(municipalityCode),
  ]);
  const active = new Set(organisations.map((organisation) => organisation.id));
  const areas = POSTCODES.filter((postcode) => postcode.municipalityCode === municipalityCode);
  const report = supplyAndDemand(
    areas,
    offers.filter((offer) => active.has(offer.organisationId)),
    requests,
    OFFER_CATEGORIES,
  );
  return { municipalityCode, report, tables: supplyTables(report), short: areasShort(report.areas) };
}

/** One table of the supply report for export; the export is audited (it holds counts of children). */
export async function supplyTableForExport(
  actor: Actor,
  tableId: string,
  context: RequestContext,
): Promise<ReportTable | undefined> {
  const { municipalityCode, tables } = await supplyReportFor(actor);
  return exportedTable(actor, municipalityCode, tables, tableId, { report: 'supply' }, context);
}
