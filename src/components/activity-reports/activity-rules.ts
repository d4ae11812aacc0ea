import { type MatchForActivity } from '../case-reads/index.js';

/**
 * Shared by the organisation's report and the volunteer's own record, pure. Days are Copenhagen calendar
 * dates (YYYY-MM-DD); the service turns instants into them before calling.
 */

/** A match counts as running while it is active or paused (the child still has the adult). */
const RUNNING_STATES = ['active', 'paused'] as const;

export function isRunning(match: Pick<MatchForActivity, 'state'>): boolean {
  return (RUNNING_STATES as readonly string[]).includes(match.state);
}

/** The first time the match became active (the adult and the child started), if it ever did. */
export function startedAt(match: Pick<MatchForActivity, 'history'>): Date | undefined {
  return match.history.find((event) => event.state === 'active')?.at;
}

/** When a closed match ended (its last "closed" event). */
export function endedAt(match: Pick<MatchForActivity, 'history' | 'state'>): Date | undefined {
  if (match.state !== 'closed') return undefined;
  return [...match.history].reverse().find((event) => event.state === 'closed')?.at;
}

/** The twelve months (YYYY-MM) up to and including today's, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let index = 0; index < 12; index += 1) {
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return months;
}

/** Days after the renewal warning of the vetting reminders: a certificate ending this soon is "expiring". */
const EXPIRING_WITHIN_DAYS = 60;

export const VETTING_STATES = ['vetted', 'expiring', 'expired', 'missing'] as const;
export type VettingState = (typeof VETTING_STATES)[number];

/**
 * One person's vetting in one word, the four states being disjoint: complete and valid beyond 60 days
 * (vetted), complete but the børneattest ends within 60 days (expiring), a børneattest that has run out
 * (expired, whatever else is missing), and everything else: no record, or a step not done (missing).
 */
export function vettingStateOf(
  status: { vetted: boolean; validUntil?: Date } | undefined,
  now: Date,
): VettingState {
  const until = status?.validUntil;
  if (status?.vetted) {
    const warnFrom = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000);
    return until && until <= warnFrom ? 'expiring' : 'vetted';
  }
  if (until && until < now) return 'expired';
  return 'missing';
}
