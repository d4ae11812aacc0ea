/** Retention periods as cut-off instants: whatever ended (or was last active) before the cut-off goes. */

const DAY = 86_400_000;
/** Between the warning and the removal of an inactive volunteer account. */
const WARNING_DAYS = 30;

/** `months` calendar months before `now` (the day clamped to the shorter month's end). */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(now);
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export type InactiveStep = 'warn' | 'remove' | 'wait';

/**
 * An inactive volunteer is warned once; removed when the warning is at least 30 days old and they have
 * not been active since it; a login after the warning starts the clock again (a new warning later).
 */
export function inactiveStep(lastActiveAt: Date, warnedAt: Date | undefined, now: Date): InactiveStep {
  if (!warnedAt || lastActiveAt > warnedAt) return 'warn';
  return now.getTime() - warnedAt.getTime() >= WARNING_DAYS * DAY ? 'remove' : 'wait';
}
