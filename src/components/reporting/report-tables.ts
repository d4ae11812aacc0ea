import { CLOSE_REASONS, ENDING_REASONS, PREVENTS_STEPS } from '../requests/index.js';
import { DURATION_BUCKETS, durationBuckets, medianDays, p90Days, type Figures } from './figures-rules.js';
import type { GoalMetric } from './goal-rules.js';
import { median } from './statistics-rules.js';
import {
  countCell,
  rateCell,
  statisticCell,
  suppressedCell,
  suppressParts,
  tooSmall,
  type Cell,
} from './suppression-rules.js';

/** One row of a report table: a catalog key (or a plain text such as a month) and its figures. */
export interface TableRow {
  labelKey?: string;
  label?: string;
  cells: Cell[];
  total?: boolean;
}

/** A report table, as the page shows it and the CSV export writes it. */
export interface ReportTable {
  id: string;
  captionKey: string;
  columnKeys: string[];
  rows: TableRow[];
}

export const TABLE_IDS = [
  'overview',
  'closures',
  'followups',
  'wellbeing',
  'concerns',
  'steps',
  'months',
  'rematches',
  'durationsClosed',
  'durationsRunning',
  'goalTrend',
] as const;
type TableId = (typeof TABLE_IDS)[number];

/** A share whose numerator is itself too small to show would reveal it: held back as well. */
function shareCell(part: number, whole: number): Cell {
  return tooSmall(part) ? suppressedCell() : rateCell(part, whole);
}

function partsTable(
  id: TableId,
  keys: readonly string[],
  counts: readonly number[],
  labelOf: (key: string) => Pick<TableRow, 'label' | 'labelKey'>,
): ReportTable {
  const { parts, total } = suppressParts(counts);
  return {
    id,
    captionKey: `reporting.tables.${id}`,
    columnKeys: [`reporting.columns.${id}`, 'reporting.columns.count'],
    rows: [
      ...keys.map((key, index) => ({ ...labelOf(key), cells: [parts[index]!] })),
      { labelKey: 'reporting.rows.total', cells: [total], total: true },
    ],
  };
}

const countOf = (list: Array<{ count: number }>, pick: (entry: never) => string, key: string) =>
  list.find((entry) => pick(entry as never) === key)?.count ?? 0;

/** How long matches lasted, in buckets held back as one table, and the median over them all. */
function durationTable(id: 'durationsClosed' | 'durationsRunning', days: number[]): ReportTable {
  const table = partsTable(
    id,
    DURATION_BUCKETS.map((bucket) => bucket.key),
    durationBuckets(days),
    (key) => ({ labelKey: `reporting.durations.${key}` }),
  );
  table.columnKeys = ['reporting.columns.duration', 'reporting.columns.count'];
  table.rows.push({
    labelKey: 'reporting.rows.medianDuration',
    cells: [statisticCell(median(days), days.length)],
  });
  return table;
}

/** Each goal's value month by month (the year up to each month's end), cells already held back. */
export function goalTrendTable(
  metrics: readonly GoalMetric[],
  months: Array<{ month: string; cells: Cell[] }>,
): ReportTable {
  return {
    id: 'goalTrend',
    captionKey: 'reporting.tables.goalTrend',
    columnKeys: ['reporting.columns.month', ...metrics.map((metric) => `reporting.goals.metrics.${metric}`)],
    rows: months.map(({ month, cells }) => ({ label: month, cells })),
  };
}

/** Every table of the dashboard, with small cells held back. */
export function reportTables(figures: Figures): ReportTable[] {
  const { followUps, wellbeing, concerns } = figures;
  const row = (labelKey: string, cell: Cell): TableRow => ({ labelKey, cells: [cell] });
  const overview: ReportTable = {
    id: 'overview',
    captionKey: 'reporting.tables.overview',
    columnKeys: ['reporting.columns.figure', 'reporting.columns.value'],
    rows: [
      row('reporting.rows.requestsCreated', countCell(figures.requestsCreated)),
      row('reporting.rows.requestsMatched', countCell(figures.requestsMatched)),
      row('reporting.rows.matchedShare', shareCell(figures.requestsMatched, figures.requestsCreated)),
      row('reporting.rows.medianDays', statisticCell(medianDays(figures), figures.requestsMatched)),
      row('reporting.rows.p90Days', statisticCell(p90Days(figures), figures.requestsMatched)),
      row('reporting.rows.activeAtEnd', countCell(figures.activeAtEnd)),
      row('reporting.rows.childrenSupported', countCell(figures.childrenSupported)),
      row('reporting.rows.lastingShare', shareCell(figures.lasting.lasted, figures.lasting.started)),
    ],
  };
  const completion = partsTable(
    'followups',
    ['onTime', 'late', 'missed'],
    [followUps.onTime, followUps.late, followUps.missed],
    (key) => ({ labelKey: `reporting.rows.${key}` }),
  );
  const pairs = wellbeing.matches;
  const trend = suppressParts([wellbeing.better, wellbeing.same, wellbeing.worse]);
  return [
    overview,
    partsTable(
      'closures',
      ENDING_REASONS,
      ENDING_REASONS.map((reason) =>
        countOf(figures.closuresByReason, (e: { reason: string }) => e.reason, reason),
      ),
      // A proposal withdrawn before it started has a reason of its own, named as the case page names it.
      (key) => ({
        labelKey: (CLOSE_REASONS as readonly string[]).includes(key)
          ? `matching.closeReasons.${key}`
          : `caseState.withdrawReasons.${key}`,
      }),
    ),
    completion,
    {
      id: 'wellbeing',
      captionKey: 'reporting.tables.wellbeing',
      columnKeys: ['reporting.columns.figure', 'reporting.columns.value'],
      rows: [
        row('reporting.rows.wellbeingMatches', countCell(pairs)),
        row('reporting.rows.wellbeingFirst', statisticCell(wellbeing.firstMean, pairs, 1)),
        row('reporting.rows.wellbeingLatest', statisticCell(wellbeing.latestMean, pairs, 1)),
        // The three parts add up to the matches counted above, so they are held back as one table.
        row('reporting.rows.better', trend.parts[0]!),
        row('reporting.rows.same', trend.parts[1]!),
        row('reporting.rows.worse', trend.parts[2]!),
      ],
    },
    {
      id: 'concerns',
      captionKey: 'reporting.tables.concerns',
      columnKeys: ['reporting.columns.figure', 'reporting.columns.value'],
      rows: [
        row('reporting.rows.concernsRaised', countCell(concerns.raised)),
        row('reporting.rows.concernsSeen', countCell(concerns.daysToSeen.length)),
        row(
          'reporting.rows.daysToSeen',
          statisticCell(median(concerns.daysToSeen), concerns.daysToSeen.length),
        ),
      ],
    },
    partsTable(
      'steps',
      PREVENTS_STEPS,
      PREVENTS_STEPS.map((step) => countOf(figures.preventsSteps, (e: { step: string }) => e.step, step)),
      (key) => ({ labelKey: `matching.steps.${key}` }),
    ),
    {
      id: 'rematches',
      captionKey: 'reporting.tables.rematches',
      columnKeys: ['reporting.columns.figure', 'reporting.columns.value'],
      rows: [
        row('reporting.rows.rematchedRequests', countCell(figures.rematches.requests)),
        row(
          'reporting.rows.daysAfterClose',
          statisticCell(median(figures.rematches.daysAfterClose), figures.rematches.requests),
        ),
      ],
    },
    durationTable('durationsClosed', figures.durations.closed),
    durationTable('durationsRunning', figures.durations.running),
    partsTable(
      'months',
      figures.requestsByMonth.map((entry) => entry.month),
      figures.requestsByMonth.map((entry) => entry.count),
      (key) => ({ label: key }),
    ),
  ];
}
