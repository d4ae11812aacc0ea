import type { Response } from 'express';
import type { Actor, RequestContext } from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { toCsv } from './csv-rules.js';
import { csvRows } from './report-page-table.js';
import type { ReportTable } from './report-tables.js';

/**
 * One table of a municipality's report, picked for export; every export is audited, since the tables
 * hold counts about children. Undefined when the report has no such table.
 */
export async function exportedTable(
  actor: Actor,
  municipalityCode: string,
  tables: readonly ReportTable[],
  tableId: string,
  details: Record<string, unknown>,
  context: RequestContext,
): Promise<ReportTable | undefined> {
  const table = tables.find((candidate) => candidate.id === tableId);
  if (!table) return undefined;
  await recordAudit(
    {
      action: 'reporting.exported',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode,
      objectType: 'municipality',
      objectId: municipalityCode,
      details: { ...details, table: tableId },
    },
    context.origin,
  );
  return table;
}

/** Sends a report table as a CSV download, with the texts the page shows (see csv-rules for the format). */
export function sendTableCsv(
  res: Response,
  table: ReportTable,
  t: (key: string) => string,
  fileName: string,
): void {
  res
    .type('text/csv; charset=utf-8')
    .attachment(fileName)
    .send(
      toCsv(
        table.columnKeys.map((key) => t(key)),
        csvRows(table, t),
      ),
    );
}
