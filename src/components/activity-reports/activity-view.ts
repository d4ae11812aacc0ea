import type { TFunction } from 'i18next';
import { barChartOf } from '../reporting/index.js';
import { readableMonth, type Language } from '../../shared/i18n/index.js';
import { monthsChartTable, type Heading, type OrganisationTable } from './organisation-report-rules.js';

/**
 * A table as the view writes it: each cell carries its column's heading, so every cell gets its
 * data-label (narrow screens show the heading beside the value) without arithmetic in the template.
 */
export function tableView(table: OrganisationTable) {
  const [first, ...valueColumns] = table.columns;
  return {
    id: table.id,
    captionKey: table.captionKey,
    first,
    columns: valueColumns,
    rows: table.rows.map((row) => ({
      label: row.label,
      labelKey: row.labelKey,
      total: row.total,
      cells: row.cells.map((cell, index) => ({ ...cell, column: valueColumns[index] })),
    })),
    csvHref: `/forening/rapport/csv?tabel=${table.id}`,
  };
}

/** The months table as a bar chart of its "all offers" column, and the sentence written beside it. */
export function monthsChartView(months: OrganisationTable, language: Language) {
  const chartTable = monthsChartTable(months);
  const shown = chartTable.rows
    .filter((row) => !row.cells[0]!.suppressed && row.cells[0]!.text !== '0')
    .sort((a, b) => Number(b.cells[0]!.text) - Number(a.cells[0]!.text));
  return {
    chart: barChartOf(chartTable),
    monthsWithStarts: chartTable.rows.filter((row) => row.cells[0]!.text !== '0').length,
    // The busiest month among those shown: a held-back month is never named as the busiest.
    busiest: shown[0]
      ? { month: readableMonth(shown[0].label ?? '', language), starts: shown[0].cells[0]!.text }
      : undefined,
  };
}

const headingText = (heading: Heading | undefined, t: TFunction) =>
  heading?.label ?? String(t(heading?.labelKey ?? ''));

/** A table as CSV rows: the headings and labels translated, every cell as shown on the page. */
export function csvOf(table: OrganisationTable, t: TFunction) {
  return {
    header: table.columns.map((column) => headingText(column, t)),
    rows: table.rows.map((row) => [
      row.label ?? String(t(row.labelKey ?? '')),
      ...row.cells.map((cell) => cell.text),
    ]),
  };
}
