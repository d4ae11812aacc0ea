/**
 * Follow-up rules, pure. Due dates are calendar days in Denmark ("YYYY-MM-DD"), never instants, so a
 * follow-up every four weeks stays on the same weekday across daylight-saving changes, and "today" is
 * the Copenhagen date of the run's clock.
 */

import { danishDay } from '../../shared/time/index.js';

export const FOLLOW_UP_AUDIENCES = ['volunteer', 'family'] as const;
export type FollowUpAudience = (typeof FOLLOW_UP_AUDIENCES)[number];

export const FOLLOW_UP_KINDS = ['regular', 'closing'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Stored states; "due" and "overdue" follow from the date (see `statusOf`). */
export const STORED_STATES = ['open', 'done', 'skipped', 'cancelled'] as const;
export type StoredState = (typeof STORED_STATES)[number];
export type FollowUpStatus = 'scheduled' | 'due' | 'overdue' | 'done' | 'skipped' | 'cancelled';

/** The first contact after the start, for the volunteer and the family alike. */
const FIRST_WITHIN_DAYS = 14;
/** After the first year of active time, follow-ups come quarterly. */
const FIRST_PERIOD_MONTHS = 12;
const LATER_EVERY_WEEKS = 12;
const CLOSING_AFTER_DAYS = 30;
/** A follow-up is "due" on its date and the day after; then it is overdue. */
const DUE_DAYS = 2;
/**
 * The social worker is told when a follow-up is this many days past its date. Until then the assignee is
 * reminded, from the due date on (a missed run catches up).
 */
export const ESCALATE_AFTER_DAYS = 7;

export const SCALE = [1, 2, 3, 4, 5] as const;
export const CONTINUE_WISHES = ['yes', 'unsure', 'no'] as const;

const DAY_MS = 86_400_000;
const ON = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(on: string): [number, number, number] {
  const match = ON.exec(on);
  if (!match) throw new Error(`not a date: ${on}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar date in Denmark at this instant. */
export function copenhagenDate(at: Date): string {
  return danishDay(at);
}

export function addDays(on: string, days: number): string {
  const [y, m, d] = parts(on);
  return fromUtc(new Date(Date.UTC(y, m - 1, d) + days * DAY_MS));
}

/** Calendar months; a day past the end of the shorter month is its last day (31 January + 1 month = 28/29 February). */
export function addMonths(on: string, months: number): string {
  const [y, m, d] = parts(on);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The plan's clock: when the match became active and how many days it has been paused since. */
export interface PlanClock {
  activeOn: string;
  pausedDays: number;
}

export function firstDueOn(clock: PlanClock): string {
  return addDays(clock.activeOn, FIRST_WITHIN_DAYS + clock.pausedDays);
}

/**
 * The follow-up after one due on `previousOn`: every `everyWeeks` weeks (the municipality's cadence, read
 * when this one is planned, so a change affects only follow-ups not yet planned) while the previous lies
 * within the first twelve months of active time (paused days do not count), then every twelve weeks.
 */
export function nextDueOn(clock: PlanClock, previousOn: string, everyWeeks: number): string {
  const firstYearEnds = addDays(addMonths(clock.activeOn, FIRST_PERIOD_MONTHS), clock.pausedDays);
  const weeks = previousOn < firstYearEnds ? everyWeeks : LATER_EVERY_WEEKS;
  return addDays(previousOn, weeks * 7);
}

export function closingDueOn(closedOn: string): string {
  return addDays(closedOn, CLOSING_AFTER_DAYS);
}

/** Resuming moves an open follow-up on by the days the match was paused. */
export function shiftedByPause(dueOn: string, pausedOn: string, resumedOn: string): string {
  return addDays(dueOn, Math.max(0, daysBetween(pausedOn, resumedOn)));
}

export function statusOf(followUp: { state: StoredState; dueOn: string }, today: string): FollowUpStatus {
  if (followUp.state !== 'open') return followUp.state;
  if (today < followUp.dueOn) return 'scheduled';
  return daysBetween(followUp.dueOn, today) < DUE_DAYS ? 'due' : 'overdue';
}

/**
 * How reports judge a follow-up by its own clock: it is due on its date and the next (DUE_DAYS), so an
 * answer by then is on time and a later one late; a skipped one is missed, and so is an open one once it
 * is escalated (ESCALATE_AFTER_DAYS past its date). Open and younger than that it is still pending and
 * not judged; a cancelled one (the match ended) never counts.
 */
export type FollowUpJudgement = 'onTime' | 'late' | 'missed' | 'pending' | 'cancelled';

export function judgeFollowUp(
  followUp: { state: string; dueOn: string; answeredOn?: string },
  today: string,
): FollowUpJudgement {
  if (followUp.state === 'cancelled') return 'cancelled';
  if (followUp.state === 'done' && followUp.answeredOn) {
    return followUp.answeredOn <= addDays(followUp.dueOn, DUE_DAYS - 1) ? 'onTime' : 'late';
  }
  if (followUp.state === 'skipped') return 'missed';
  return today >= addDays(followUp.dueOn, ESCALATE_AFTER_DAYS) ? 'missed' : 'pending';
}

interface OpenFollowUp {
  state: StoredState;
  dueOn: string;
  paused?: boolean;
}

/** The assignee is reminded once, from the due date, while it is not yet time to escalate. */
export function needsReminder(followUp: OpenFollowUp, today: string): boolean {
  if (followUp.state !== 'open' || followUp.paused || today < followUp.dueOn) return false;
  return daysBetween(followUp.dueOn, today) < ESCALATE_AFTER_DAYS;
}

/** Seven days past its date and still open: the social worker is told (once). */
export function needsEscalation(followUp: OpenFollowUp, today: string): boolean {
  if (followUp.state !== 'open' || followUp.paused) return false;
  return daysBetween(followUp.dueOn, today) >= ESCALATE_AFTER_DAYS;
}

/** Missed: seven days past its date and not answered (still open, or skipped). */
function missed(followUp: OpenFollowUp, today: string): boolean {
  if (followUp.state === 'done' || followUp.state === 'cancelled') return false;
  return daysBetween(followUp.dueOn, today) >= ESCALATE_AFTER_DAYS;
}

/**
 * Two missed in a row: the volunteer's last two check-ins whose time has run out were both missed.
 * Only follow-ups whose seven days have passed count, so a check-in still within its week does not.
 */
export function twoMissedInARow(
  checkIns: Array<OpenFollowUp & { sequence: number }>,
  today: string,
): boolean {
  const judged = checkIns
    .filter((followUp) => followUp.state !== 'cancelled' && !followUp.paused)
    .filter((followUp) => daysBetween(followUp.dueOn, today) >= ESCALATE_AFTER_DAYS)
    .sort((a, b) => a.sequence - b.sequence);
  const lastTwo = judged.slice(-2);
  return lastTwo.length === 2 && lastTwo.every((followUp) => missed(followUp, today));
}

/**
 * The regular follow-ups still to come after the last one planned, up to `untilOn`: the same cadence the
 * plan will use (nextDueOn), so the page can show every planned date, not only those already stored.
 * Bounded, as a plan runs for months, not decades.
 */
export function upcomingDueOns(
  clock: PlanClock,
  lastPlannedOn: string,
  everyWeeks: number,
  untilOn: string,
): string[] {
  const dates: string[] = [];
  let previous = lastPlannedOn;
  for (let guard = 0; guard < 60; guard += 1) {
    const next = nextDueOn(clock, previous, everyWeeks);
    if (next > untilOn) break;
    dates.push(next);
    previous = next;
  }
  return dates;
}
