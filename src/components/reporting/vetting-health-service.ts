import type { Actor, RequestContext } from '../accounts/index.js';
import { activeMembershipsOf, organisationsActiveIn } from '../organisations/index.js';
import { certificatesOf, currentYear, declaredFor, EXPIRY_WARNING_DAYS } from '../vetting/index.js';
import { reportMunicipalityOf } from './report-access.js';
import { wordCell } from './report-page-table.js';
import type { ReportTable } from './report-tables.js';
import type { Cell } from './suppression-rules.js';
import { CERTIFICATE_STANDINGS, vettingHealth, type VettingHealth } from './vetting-health-rules.js';
import { exportedTable } from './report-export.js';

export const VETTING_TABLE_IDS = ['people', 'organisations', 'declarations'] as const;

export interface VettingHealthReport {
  municipalityCode: string;
  year: number;
  warningDays: number;
  health: VettingHealth;
  declarations: { associations: number; declared: number; missing: number };
  tables: ReportTable[];
}

const shown = (value: number | string): Cell => ({ text: String(value), suppressed: false });

/**
 * Vetting across the organisations active in the actor's own municipality: active members by børneattest
 * standing, and the associations' declarations for the current year. These count adults and
 * organisations, not children, so nothing is held back; the tenant still comes from the session only.
 */
export async function vettingHealthFor(actor: Actor, now = new Date()): Promise<VettingHealthReport> {
  return vettingHealthIn(reportMunicipalityOf(actor), now);
}

/** The vetting report of one municipality; callers have checked that the reader may see it. */
export async function vettingHealthIn(
  municipalityCode: string,
  now = new Date(),
): Promise<VettingHealthReport> {
  const year = currentYear(now);
  const organisations = (await organisationsActiveIn(municipalityCode)).sort((a, b) =>
    a.name.localeCompare(b.name, 'da-DK'),
  );
  const ids = organisations.map((organisation) => organisation.id);
  const associations = organisations.filter((organisation) => organisation.kind === 'association');
  const [memberships, certificates, declared] = await Promise.all([
    activeMembershipsOf(ids),
    certificatesOf(ids),
    declaredFor(
      associations.map((association) => association.id),
      year,
    ),
  ]);
  const health = vettingHealth(ids, memberships, certificates, now, EXPIRY_WARNING_DAYS);
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const standingColumns = CERTIFICATE_STANDINGS.map(
    (standing) => `reportPages.vetting.standings.${standing}`,
  );
  const tables: ReportTable[] = [
    {
      id: 'people',
      captionKey: 'reportPages.vetting.tables.people',
      columnKeys: ['reportPages.vetting.columns.standing', 'reportPages.vetting.columns.volunteers'],
      rows: [
        ...CERTIFICATE_STANDINGS.map((standing) => ({
          labelKey: `reportPages.vetting.standings.${standing}`,
          cells: [shown(health.people[standing])],
        })),
        { labelKey: 'reporting.rows.total', cells: [shown(health.people.total)], total: true },
      ],
    },
    {
      id: 'organisations',
      captionKey: 'reportPages.vetting.tables.organisations',
      columnKeys: [
        'reportPages.vetting.columns.organisation',
        'reportPages.vetting.columns.members',
        ...standingColumns,
      ],
      rows: health.organisations.map((row) => ({
        label: names.get(row.organisationId) ?? row.organisationId,
        cells: [shown(row.members), ...CERTIFICATE_STANDINGS.map((standing) => shown(row.counts[standing]))],
      })),
    },
    {
      id: 'declarations',
      captionKey: 'reportPages.vetting.tables.declarations',
      columnKeys: ['reportPages.vetting.columns.association', 'reportPages.vetting.columns.declaration'],
      rows: associations.map((association) => ({
        label: association.name,
        cells: [
          wordCell(
            declared.has(association.id) ? 'reportPages.vetting.declared' : 'reportPages.vetting.missing',
          ),
        ],
      })),
    },
  ];
  return {
    municipalityCode,
    year,
    warningDays: EXPIRY_WARNING_DAYS,
    health,
    declarations: {
      associations: associations.length,
      declared: declared.size,
      missing: associations.length - declared.size,
    },
    tables,
  };
}

/** One table of the vetting report for export; audited like every export. */
export async function vettingTableForExport(
  actor: Actor,
  tableId: string,
  context: RequestContext,
): Promise<ReportTable | undefined> {
  const { municipalityCode, tables } = await vettingHealthFor(actor);
  return exportedTable(actor, municipalityCode, tables, tableId, { report: 'vetting' }, context);
}
