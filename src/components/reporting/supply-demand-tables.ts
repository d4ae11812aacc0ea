import type { ReportTable, TableRow } from './report-tables.js';
import type { SupplyDemand } from './supply-demand-rules.js';
import type { Cell } from './suppression-rules.js';

export const SUPPLY_TABLE_IDS = ['areas', 'categories', 'interests'] as const;

const shown = (value: number): Cell => ({ text: String(value), suppressed: false });
const none: Cell = { text: '–', suppressed: false };

/** The supply report's tables (free places are about offers, not children, so they are never held back). */
export function supplyTables(report: SupplyDemand): ReportTable[] {
  const { totals } = report;
  const totalGap: Cell = totals.requests.suppressed
    ? totals.requests
    : shown(Number(totals.requests.text) - totals.freePlaces);
  const areaRows: TableRow[] = report.areas.map((area) => ({
    label: `${area.postcode} ${area.name}`,
    cells: [shown(area.offers), shown(area.freePlaces), area.requests, area.gap],
  }));
  if (report.outside) {
    areaRows.push({ labelKey: 'reportPages.supply.rows.outside', cells: [none, none, report.outside, none] });
  }
  areaRows.push({
    labelKey: 'reporting.rows.total',
    cells: [shown(totals.offers), shown(totals.freePlaces), totals.requests, totalGap],
    total: true,
  });
  return [
    {
      id: 'areas',
      captionKey: 'reportPages.supply.tables.areas',
      columnKeys: [
        'reportPages.supply.columns.area',
        'reportPages.supply.columns.offers',
        'reportPages.supply.columns.freePlaces',
        'reportPages.supply.columns.requests',
        'reportPages.supply.columns.gap',
      ],
      rows: areaRows,
    },
    {
      id: 'categories',
      captionKey: 'reportPages.supply.tables.categories',
      columnKeys: [
        'reportPages.supply.columns.category',
        'reportPages.supply.columns.offers',
        'reportPages.supply.columns.places',
        'reportPages.supply.columns.freePlaces',
      ],
      rows: [
        ...report.categories.map((row) => ({
          labelKey: `offers.categories.${row.category}`,
          cells: [shown(row.offers), shown(row.places), shown(row.freePlaces)],
        })),
        {
          labelKey: 'reporting.rows.total',
          cells: [shown(totals.offers), shown(totals.places), shown(totals.freePlaces)],
          total: true,
        },
      ],
    },
    {
      id: 'interests',
      captionKey: 'reportPages.supply.tables.interests',
      columnKeys: [
        'reportPages.supply.columns.interest',
        'reportPages.supply.columns.requests',
        'reportPages.supply.columns.offers',
        'reportPages.supply.columns.freePlaces',
      ],
      rows: report.interests.map((row) =>
        row.interest === undefined
          ? { labelKey: 'reportPages.supply.rows.otherInterests', cells: [row.requests, none, none] }
          : {
              label: row.interest,
              cells: [row.requests, shown(row.offers ?? 0), shown(row.freePlaces ?? 0)],
            },
      ),
    },
  ];
}
