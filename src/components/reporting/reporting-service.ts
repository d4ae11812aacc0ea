import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { copenhagenDate } from '../followups/index.js';
import { REPORT_READ_LIMIT } from '../case-reads/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ForbiddenError } from '../../shared/errors/index.js';
import {
  areasOf,
  computeFigures,
  goalFigures,
  inArea,
  monthsOf,
  type Figures,
  type GoalFigures,
  type Period,
} from './figures-rules.js';
import { FOLLOW_UP_READ_LIMIT, maintainedInput } from './report-facts-service.js';
import { GOAL_METRICS, isShareMetric, measure, reached, type GoalMetric } from './goal-rules.js';
import { goalId, ReportGoalModel } from './goal-model.js';
import { goalTrendTable, reportTables, type ReportTable } from './report-tables.js';
import type { GoalsForm } from './reporting-schemas.js';
import { countCell, rateCell, suppressedCell, tooSmall, type Cell } from './suppression-rules.js';
import { exportedTable } from './report-export.js';

function municipalityOf(
  actor: Actor,
  action: 'reports:municipality' | 'reports:goals' = 'reports:municipality',
): string {
  if (!can(actor, action) || !actor.municipalityCode) throw new ForbiddenError();
  return actor.municipalityCode;
}

/** The current year up to today, in Copenhagen: the period shown when none is chosen. */
export function defaultPeriod(now = new Date()): Period {
  const today = copenhagenDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The same period one year earlier: the trend beside each goal. */
function yearBefore(period: Period): Period {
  const back = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return { from: back(period.from), to: back(period.to) };
}

export interface GoalProgress {
  metric: GoalMetric;
  target?: string;
  actual: Cell;
  previous: Cell;
  reached?: boolean;
}

function progressCell(metric: GoalMetric, figures: GoalFigures): Cell {
  const { value, part, of } = measure(metric, figures);
  if (!isShareMetric(metric)) return countCell(value);
  // A share whose part is too small to show would reveal it, as in the tables.
  return tooSmall(part) ? suppressedCell() : rateCell(part, of);
}

export interface Dashboard {
  period: Period;
  /** The postcode area shown, or undefined for the whole municipality. */
  area?: string;
  /** The postcode areas the municipality's requests come from: the choices of area. */
  areas: string[];
  /** When the records the figures come from were read. */
  asOf: Date;
  tables: ReportTable[];
  goals: GoalProgress[];
  /** Each goal's value for the year up to the end of each month so far; undefined without goals. */
  goalTrend?: ReportTable;
  figures: Figures;
}

/** The last day of a month (YYYY-MM). */
const monthEnd = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
};

/**
 * The municipality's dashboard for a period and, if asked, one postcode area (an area the municipality's
 * requests do not come from is not shown: the whole municipality is): every table with small cells held
 * back, the goals and their trend. Computed from the maintained figures.
 */
export async function dashboardFor(actor: Actor, period: Period, area?: string): Promise<Dashboard> {
  const municipalityCode = municipalityOf(actor);
  const maintained = await maintainedInput(municipalityCode);
  const areas = areasOf(maintained.input);
  const shownArea = area !== undefined && areas.includes(area) ? area : undefined;
  const input = shownArea ? inArea(maintained.input, shownArea) : maintained.input;
  const today = copenhagenDate(new Date());
  const figures = computeFigures(input, period, today);
  const before = computeFigures(input, yearBefore(period), today);
  const year = period.to.slice(0, 4);
  const targets = await goalsOf(municipalityCode, Number(year));
  const metrics = GOAL_METRICS.filter((metric) => targets[metric] !== undefined);
  const goals = metrics.map((metric) => {
    const actual = progressCell(metric, figures);
    const target = targets[metric]!;
    return {
      metric,
      target: isShareMetric(metric) ? `${target} %` : String(target),
      actual,
      previous: progressCell(metric, before),
      reached: actual.suppressed ? undefined : reached(measure(metric, figures).value, target),
    };
  });
  const months = monthsOf({ from: `${year}-01-01`, to: `${year}-12-31` }).filter(
    (month) => `${month}-01` <= today,
  );
  const goalTrend =
    metrics.length === 0
      ? undefined
      : goalTrendTable(
          metrics,
          months.map((month) => {
            const to = monthEnd(month) < today ? monthEnd(month) : today;
            const sofar = goalFigures(input, { from: `${year}-01-01`, to }, today);
            return { month, cells: metrics.map((metric) => progressCell(metric, sofar)) };
          }),
        );
  return {
    period,
    area: shownArea,
    areas,
    asOf: maintained.builtAt,
    tables: reportTables(figures),
    goals,
    goalTrend,
    figures,
  };
}

/** The targets a municipality set for a year, by metric. */
export async function goalsOf(
  municipalityCode: string,
  year: number,
): Promise<Partial<Record<GoalMetric, number>>> {
  const stored = await Promise.all(
    GOAL_METRICS.map((metric) => ReportGoalModel.findById(goalId(municipalityCode, year, metric)).lean()),
  );
  return Object.fromEntries(stored.flatMap((goal) => (goal ? [[goal.metric, goal.target]] : [])));
}

/** Sets (or, with an empty field, removes) the municipality's targets for a year; audited. */
export async function saveGoals(actor: Actor, form: GoalsForm, context: RequestContext): Promise<void> {
  const municipalityCode = municipalityOf(actor, 'reports:goals');
  const changed: Record<string, number | null> = {};
  for (const metric of GOAL_METRICS) {
    const _id = goalId(municipalityCode, form.year, metric);
    const target = form[metric];
    if (target === undefined) {
      const removed = await ReportGoalModel.deleteOne({ _id });
      if (removed.deletedCount > 0) changed[metric] = null;
      continue;
    }
    await ReportGoalModel.updateOne(
      { _id },
      { $set: { municipalityCode, year: form.year, metric, target, setBy: actor.userId } },
      { upsert: true, runValidators: true },
    );
    changed[metric] = target;
  }
  await recordAudit(
    {
      action: 'reporting.goals-set',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode,
      objectType: 'municipality',
      objectId: municipalityCode,
      details: { year: form.year, ...changed },
    },
    context.origin,
  );
}

/** Reads are bounded: a report over more than this many of a municipality's matches would be cut short. */
export const REPORT_LIMITS = { cases: REPORT_READ_LIMIT, followUps: FOLLOW_UP_READ_LIMIT };

/** One table of the dashboard as CSV rows (labels already translated); the export is audited. */
export async function tableForExport(
  actor: Actor,
  period: Period,
  area: string | undefined,
  tableId: string,
  context: RequestContext,
): Promise<ReportTable | undefined> {
  const dashboard = await dashboardFor(actor, period, area);
  const tables = [...dashboard.tables, ...(dashboard.goalTrend ? [dashboard.goalTrend] : [])];
  const details = { ...period, ...(dashboard.area ? { area: dashboard.area } : {}) };
  return exportedTable(actor, actor.municipalityCode ?? '', tables, tableId, details, context);
}
