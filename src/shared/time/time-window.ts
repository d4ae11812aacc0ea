/**
 * A weekly time window (offers' schedules, volunteers' availability, a child's preferred times): one
 * rule for all of them. It lives below every component because offers and volunteers both need it and
 * neither may import the other.
 */
export interface TimeWindow {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  from: string;
  to: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an "hh:mm" clock time, or undefined when it is not one. */
export function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** A window is usable when it names a weekday and two clock times, and ends after it starts (same day). */
export function isValidWindow(window: TimeWindow): boolean {
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return (
    Number.isInteger(window.weekday) &&
    window.weekday >= 1 &&
    window.weekday <= 7 &&
    from !== undefined &&
    to !== undefined &&
    from < to
  );
}
