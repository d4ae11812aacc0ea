import { readableMonth, type Language } from '../../shared/i18n/index.js';
import type { ReportTable } from './report-tables.js';
import type { Cell } from './suppression-rules.js';

/** A cell whose text is a catalog key (e.g. "declared" / "missing"), translated when shown or exported. */
export interface WordCell extends Cell {
  textKey?: string;
}

export const wordCell = (textKey: string): WordCell => ({ text: textKey, textKey, suppressed: false });

/** A table as a page shows it: each cell with its column's name (for small screens) and its text translated. */
export function tableView(table: ReportTable, t: (key: string) => string, csvHref: string) {
  const columns = table.columnKeys.map((key) => t(key));
  return {
    id: table.id,
    caption: t(table.captionKey),
    columns,
    csvHref,
    rows: table.rows.map((row) => ({
      label: row.label ?? t(row.labelKey ?? ''),
      total: row.total ?? false,
      cells: row.cells.map((cell: WordCell, index) => ({
        text: cell.textKey ? t(cell.textKey) : cell.text,
        suppressed: cell.suppressed,
        column: columns[index + 1],
      })),
    })),
  };
}

/** The rows of a table as CSV rows, with the same texts the page shows. */
export function csvRows(table: ReportTable, t: (key: string) => string): string[][] {
  return table.rows.map((row) => [
    row.label ?? t(row.labelKey ?? ''),
    ...row.cells.map((cell: WordCell) => (cell.textKey ? t(cell.textKey) : cell.text)),
  ]);
}

/**
 * The table with its month rows ("2026-03") named as the reader's language names them ("marts 2026"):
 * for pages and exports alike. Charts take the table as it is (their axis writes the month's number).
 */
export function withReadableMonths<T extends { rows: ReadonlyArray<{ label?: string }> }>(
  table: T,
  language: Language,
): T {
  return {
    ...table,
    rows: table.rows.map((row) => (row.label ? { ...row, label: readableMonth(row.label, language) } : row)),
  };
}
