import { judgeFollowUp } from '../followups/index.js';
import { type MatchForReport, type RequestForReport } from '../case-reads/index.js';
import { daysBetween, mean, median, percentile } from './statistics-rules.js';

/** What reports need of a follow-up: when it was due, whether and when it was answered, and how it went. */
export interface FollowUpForReport {
  matchId: string;
  dueOn: string;
  state: string;
  answeredAt?: Date;
  wellbeing?: number;
  worryRaisedAt?: Date;
  worrySeenAt?: Date;
}

/** A period of whole days, `from` and `to` included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

export interface ReportInput {
  requests: RequestForReport[];
  matches: MatchForReport[];
  followUps: FollowUpForReport[];
}

/** The municipality's figures for a period, before anything is held back. */
export interface Figures {
  requestsCreated: number;
  requestsMatched: number;
  daysToMatch: number[];
  matchedWithin30: number;
  activeAtEnd: number;
  childrenSupported: number;
  /** Matches started at least six months before the period's end, and of those, how many ran six months. */
  lasting: { started: number; lasted: number };
  closuresByReason: Array<{ reason: string; count: number }>;
  followUps: { onTime: number; late: number; missed: number };
  wellbeing: {
    matches: number;
    firstMean?: number;
    latestMean?: number;
    better: number;
    same: number;
    worse: number;
  };
  concerns: { raised: number; daysToSeen: number[] };
  preventsSteps: Array<{ step: string; count: number }>;
  requestsByMonth: Array<{ month: string; count: number }>;
  /** Requests whose child got an adult again after an earlier match closed, and the days in between. */
  rematches: { requests: number; daysAfterClose: number[] };
  /** Days matches lasted: those closed in the period, and those still running at its end. */
  durations: { closed: number[]; running: number[] };
}

const DAY_MS = 86_400_000;
// Formatting a date is slow next to the rest of the figures (tens of thousands per report): each UTC day
// is formatted once per process.
const dayTexts = new Map<number, string>();
function dayOf(at: Date): string {
  const day = Math.floor(at.getTime() / DAY_MS);
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}
const within = (day: string, period: Period) => day >= period.from && day <= period.to;
const firstAt = (match: MatchForReport, state: string) => match.history.find((e) => e.state === state)?.at;
function lastAt(match: MatchForReport, state: string): Date | undefined {
  for (let index = match.history.length - 1; index >= 0; index -= 1)
    if (match.history[index]!.state === state) return match.history[index]!.at;
  return undefined;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function countBy(keys: string[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
}

/** The first time one of a request's matches became active: the day the child got an adult. */
function firstActiveByRequest(matches: MatchForReport[]): Map<string, Date> {
  const byRequest = new Map<string, Date>();
  for (const match of matches) {
    const at = firstAt(match, 'active');
    if (!at) continue;
    const known = byRequest.get(match.requestId);
    if (!known || at < known) byRequest.set(match.requestId, at);
  }
  return byRequest;
}

/** Whether a match was running (active or paused) at the end of a day. */
function runningAt(match: MatchForReport, day: string): boolean {
  let running = false;
  for (const event of match.history) {
    if (dayOf(event.at) > day) break;
    running = event.state === 'active' || event.state === 'paused';
  }
  return running;
}

const ascending = (values: number[]) => values.sort((a, b) => a - b);

/** The figures the goals are measured by: fewer than the whole report, for the goals' month-by-month trend. */
export type GoalFigures = Pick<
  Figures,
  | 'requestsCreated'
  | 'requestsMatched'
  | 'daysToMatch'
  | 'matchedWithin30'
  | 'childrenSupported'
  | 'lasting'
  | 'followUps'
>;

const createdIn = (input: ReportInput, period: Period) =>
  input.requests.filter((request) => within(dayOf(request.createdAt), period));
const endDayOf = (period: Period, today: string) => (period.to < today ? period.to : today);

export function goalFigures(input: ReportInput, period: Period, today: string): GoalFigures {
  const firstActive = firstActiveByRequest(input.matches);
  const daysToMatch = createdIn(input, period).flatMap((request) => {
    const at = firstActive.get(request.id);
    return at && dayOf(at) <= period.to ? [daysBetween(request.createdAt, at)] : [];
  });
  const supported = new Set(
    input.matches
      .filter((match) => match.history.some((e) => e.state === 'active' && dayOf(e.at) <= period.to))
      .filter((match) => {
        const ended = lastAt(match, 'closed');
        return !ended || dayOf(ended) >= period.from;
      })
      .map((match) => match.requestId),
  );
  return {
    requestsCreated: createdIn(input, period).length,
    requestsMatched: daysToMatch.length,
    daysToMatch: ascending(daysToMatch),
    matchedWithin30: daysToMatch.filter((days) => days <= 30).length,
    childrenSupported: supported.size,
    lasting: lastingSixMonths(input.matches, endDayOf(period, today)),
    followUps: followUpCompletion(input.followUps, period, today),
  };
}

export function computeFigures(input: ReportInput, period: Period, today: string): Figures {
  const created = createdIn(input, period);
  const closed = input.matches.filter((match) => {
    const at = lastAt(match, 'closed');
    return match.state === 'closed' && at !== undefined && within(dayOf(at), period);
  });
  const endDay = endDayOf(period, today);
  const goals = goalFigures(input, period, today);
  return {
    ...goals,
    activeAtEnd: input.matches.filter((match) => runningAt(match, endDay)).length,
    closuresByReason: countBy(closed.map((match) => match.closeReason ?? 'other')).map(({ key, count }) => ({
      reason: key,
      count,
    })),
    wellbeing: wellbeingTrend(input.followUps, period),
    concerns: concernsRaised(input.followUps, period),
    preventsSteps: countBy(created.map((request) => request.preventsStep)).map(({ key, count }) => ({
      step: key,
      count,
    })),
    requestsByMonth: (() => {
      const byMonth = groupBy(created, (request) => dayOf(request.createdAt).slice(0, 7));
      return monthsOf(period).map((month) => ({ month, count: byMonth.get(month)?.length ?? 0 }));
    })(),
    rematches: rematches(input.matches, period),
    durations: {
      closed: ascending(
        closed.flatMap((match) => {
          const activeAt = firstAt(match, 'active');
          return activeAt ? [daysBetween(activeAt, lastAt(match, 'closed')!)] : [];
        }),
      ),
      running: ascending(
        input.matches.flatMap((match) => {
          const activeAt = firstAt(match, 'active');
          return activeAt && runningAt(match, endDay)
            ? [daysBetween(activeAt, new Date(`${endDay}T23:59:59Z`))]
            : [];
        }),
      ),
    },
  };
}

/**
 * A request counts as re-matched in the period when one of its matches first became active in the
 * period after another of its matches had closed; the days are from that closing to the new start.
 */
function rematches(matches: MatchForReport[], period: Period): Figures['rematches'] {
  const byRequest = groupBy(matches, (match) => match.requestId);
  const daysAfterClose: number[] = [];
  for (const group of byRequest.values()) {
    if (group.length < 2) continue;
    const closings = group.flatMap((match) => {
      const at = match.state === 'closed' ? lastAt(match, 'closed') : undefined;
      return at ? [at] : [];
    });
    const gaps = group.flatMap((match) => {
      const startedAt = firstAt(match, 'active');
      if (!startedAt || !within(dayOf(startedAt), period)) return [];
      const before = closings.filter((at) => at <= startedAt);
      if (before.length === 0) return [];
      const latest = before.reduce((a, b) => (a > b ? a : b));
      return [{ startedAt, days: daysBetween(latest, startedAt) }];
    });
    if (gaps.length === 0) continue;
    // The request's first new start in the period is the one counted.
    gaps.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    daysAfterClose.push(gaps[0]!.days);
  }
  return { requests: daysAfterClose.length, daysAfterClose: ascending(daysAfterClose) };
}

const SIX_MONTHS_DAYS = 182;

function lastingSixMonths(matches: MatchForReport[], endDay: string) {
  const end = new Date(`${endDay}T23:59:59Z`);
  let started = 0;
  let lasted = 0;
  for (const match of matches) {
    const activeAt = firstAt(match, 'active');
    if (!activeAt || daysBetween(activeAt, end) < SIX_MONTHS_DAYS) continue;
    started += 1;
    const closedAt = match.state === 'closed' ? lastAt(match, 'closed') : undefined;
    if (daysBetween(activeAt, closedAt && closedAt < end ? closedAt : end) >= SIX_MONTHS_DAYS) lasted += 1;
  }
  return { started, lasted };
}

/**
 * Follow-ups due in the period, judged by the follow-up's own clock (followups' judgeFollowUp): on time,
 * late, or missed (unanswered once escalated); those still pending and cancelled ones do not count.
 */
function followUpCompletion(followUps: FollowUpForReport[], period: Period, today: string) {
  const counts = { onTime: 0, late: 0, missed: 0 };
  for (const followUp of followUps) {
    if (!within(followUp.dueOn, period)) continue;
    const answeredOn = followUp.answeredAt ? dayOf(followUp.answeredAt) : undefined;
    const judged = judgeFollowUp({ state: followUp.state, dueOn: followUp.dueOn, answeredOn }, today);
    if (judged === 'onTime' || judged === 'late' || judged === 'missed') counts[judged] += 1;
  }
  return counts;
}

/** Per match, the first and the latest wellbeing answered in the period; only matches with two answers. */
function wellbeingTrend(followUps: FollowUpForReport[], period: Period): Figures['wellbeing'] {
  const answered = followUps.filter(
    (followUp) =>
      followUp.wellbeing !== undefined && followUp.answeredAt && within(dayOf(followUp.answeredAt), period),
  );
  const byMatch = groupBy(answered, (followUp) => followUp.matchId);
  const pairs = [...byMatch.values()]
    .filter((answers) => answers.length >= 2)
    // Answers of the same moment are ordered by their due day, so the order read does not matter.
    .map((answers) =>
      answers.sort(
        (a, b) => a.answeredAt!.getTime() - b.answeredAt!.getTime() || a.dueOn.localeCompare(b.dueOn),
      ),
    )
    .map((answers) => ({ first: answers[0]!.wellbeing!, latest: answers[answers.length - 1]!.wellbeing! }));
  return {
    matches: pairs.length,
    firstMean: mean(pairs.map((pair) => pair.first)),
    latestMean: mean(pairs.map((pair) => pair.latest)),
    better: pairs.filter((pair) => pair.latest > pair.first).length,
    same: pairs.filter((pair) => pair.latest === pair.first).length,
    worse: pairs.filter((pair) => pair.latest < pair.first).length,
  };
}

function concernsRaised(followUps: FollowUpForReport[], period: Period) {
  const raised = followUps.filter((f) => f.worryRaisedAt && within(dayOf(f.worryRaisedAt), period));
  return {
    raised: raised.length,
    daysToSeen: ascending(
      raised.flatMap((f) => (f.worrySeenAt ? [daysBetween(f.worryRaisedAt!, f.worrySeenAt)] : [])),
    ),
  };
}

/** The months (YYYY-MM) the period touches, at most 36. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  while (months.length < 36) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

export const medianDays = (figures: Figures) => median(figures.daysToMatch);
export const p90Days = (figures: Figures) => percentile(figures.daysToMatch, 90);

/** Durations are shown in these buckets (upper bounds in whole days, the last one open). */
export const DURATION_BUCKETS = [
  { key: 'under1Month', upTo: 30 },
  { key: 'oneToThreeMonths', upTo: 91 },
  { key: 'threeToSixMonths', upTo: 182 },
  { key: 'sixToTwelveMonths', upTo: 365 },
  { key: 'overAYear', upTo: Infinity },
] as const;

/** How many of the durations fall in each bucket, in the buckets' order. */
export function durationBuckets(days: readonly number[]): number[] {
  const counts = DURATION_BUCKETS.map(() => 0);
  for (const value of days) counts[DURATION_BUCKETS.findIndex((bucket) => value <= bucket.upTo)]! += 1;
  return counts;
}

/** Only the cases of one postcode area: its requests, their matches and those matches' follow-ups. */
export function inArea(input: ReportInput, postcode: string): ReportInput {
  const requests = input.requests.filter((request) => request.postcode === postcode);
  const requestIds = new Set(requests.map((request) => request.id));
  const matches = input.matches.filter((match) => requestIds.has(match.requestId));
  const matchIds = new Set(matches.map((match) => match.id));
  return { requests, matches, followUps: input.followUps.filter((f) => matchIds.has(f.matchId)) };
}

/** The postcode areas the municipality's requests come from, in order. */
export const areasOf = (input: ReportInput): string[] =>
  [...new Set(input.requests.map((request) => request.postcode))].sort();
