import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { copenhagenDate, FollowUpModel } from '../followups/index.js';
import { casesForReport, REPORT_READ_LIMIT } from '../matching/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ForbiddenError } from '../../shared/errors/index.js';
import {
  computeFigures,
  type Figures,
  type FollowUpForReport,
  type Period,
  type ReportInput,
} from './figures-rules.js';
import { GOAL_METRICS, isShareMetric, measure, reached, type GoalMetric } from './goal-rules.js';
import { goalId, ReportGoalModel } from './goal-model.js';
import { reportTables, type ReportTable } from './report-tables.js';
import type { GoalsForm } from './reporting-schemas.js';
import { countCell, rateCell, suppressedCell, tooSmall, type Cell } from './suppression-rules.js';

/** Follow-ups a report reads at most for one municipality (a large one has ~24,000). */
const FOLLOW_UP_READ_LIMIT = 200_000;

function municipalityOf(
  actor: Actor,
  action: 'reports:municipality' | 'reports:goals' = 'reports:municipality',
): string {
  if (!can(actor, action) || !actor.municipalityCode) throw new ForbiddenError();
  return actor.municipalityCode;
}

/** Everything a municipality's report is computed from, read within its own tenant only. */
async function reportInput(municipalityCode: string): Promise<ReportInput> {
  const [cases, followUps] = await Promise.all([
    casesForReport(municipalityCode),
    FollowUpModel.find(
      { municipalityCode },
      {
        matchId: 1,
        dueOn: 1,
        state: 1,
        answeredAt: 1,
        'answers.wellbeing': 1,
        worryRaisedAt: 1,
        worrySeenAt: 1,
      },
    )
      .limit(FOLLOW_UP_READ_LIMIT)
      // Only the wellbeing of the answers is read: never what the adult wrote about a worry.
      .lean<
        Array<{
          matchId: string;
          dueOn: string;
          state: string;
          answeredAt?: Date | null;
          answers?: { wellbeing?: number | null } | null;
          worryRaisedAt?: Date | null;
          worrySeenAt?: Date | null;
        }>
      >(),
  ]);
  return {
    ...cases,
    followUps: followUps.map((followUp): FollowUpForReport => ({
      matchId: followUp.matchId,
      dueOn: followUp.dueOn,
      state: followUp.state,
      answeredAt: followUp.answeredAt ?? undefined,
      wellbeing: followUp.answers?.wellbeing ?? undefined,
      worryRaisedAt: followUp.worryRaisedAt ?? undefined,
      worrySeenAt: followUp.worrySeenAt ?? undefined,
    })),
  };
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

function progressCell(metric: GoalMetric, figures: Figures): Cell {
  const { value, part, of } = measure(metric, figures);
  if (!isShareMetric(metric)) return countCell(value);
  // A share whose part is too small to show would reveal it, as in the tables.
  return tooSmall(part) ? suppressedCell() : rateCell(part, of);
}

export interface Dashboard {
  period: Period;
  tables: ReportTable[];
  goals: GoalProgress[];
  figures: Figures;
}

/** The municipality's dashboard for a period: every table with small cells held back, and the goals. */
export async function dashboardFor(actor: Actor, period: Period): Promise<Dashboard> {
  const municipalityCode = municipalityOf(actor);
  const input = await reportInput(municipalityCode);
  const today = copenhagenDate(new Date());
  const figures = computeFigures(input, period, today);
  const before = computeFigures(input, yearBefore(period), today);
  const targets = await goalsOf(municipalityCode, Number(period.to.slice(0, 4)));
  const goals = GOAL_METRICS.filter((metric) => targets[metric] !== undefined).map((metric) => {
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
  return { period, tables: reportTables(figures), goals, figures };
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
  tableId: string,
  context: RequestContext,
): Promise<ReportTable | undefined> {
  const dashboard = await dashboardFor(actor, period);
  const table = dashboard.tables.find((candidate) => candidate.id === tableId);
  if (!table) return undefined;
  await recordAudit(
    {
      action: 'reporting.exported',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode: actor.municipalityCode,
      objectType: 'municipality',
      objectId: actor.municipalityCode,
      details: { table: tableId, ...period },
    },
    context.origin,
  );
  return table;
}
