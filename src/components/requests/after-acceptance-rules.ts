/** One weekly time an offer meets: weekday 1 (Monday) to 7 (Sunday), times "HH:MM" in Danish time. */
export interface MeetingWindow {
  weekday: number;
  from: string;
  to: string;
}

/** The states in which both sides have said yes and the match is not over: who, where and when is shown. */
export const AFTER_ACCEPTANCE_STATES = ['accepted', 'awaiting-consent', 'active', 'paused'] as const;

/** Before the match starts, the next time the offer meets is the first meeting. */
export function firstMeetingAhead(state: string): boolean {
  return state === 'accepted' || state === 'awaiting-consent';
}

const DAY_MS = 86_400_000;

/** The calendar date, weekday and clock time in Denmark at this instant. */
function danishClock(now: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const midnight = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  return { midnight, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The next time one of these weekly windows begins after `now` (a window already begun today does not
 * count): its date ("YYYY-MM-DD", Danish calendar) and window. Undefined when the offer names no times.
 */
export function nextMeeting(
  schedule: readonly MeetingWindow[],
  now: Date,
): (MeetingWindow & { on: string }) | undefined {
  if (schedule.length === 0) return undefined;
  const { midnight, time } = danishClock(now);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = new Date(midnight + ahead * DAY_MS);
    const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    const window = schedule
      .filter((candidate) => candidate.weekday === weekday && (ahead > 0 || candidate.from > time))
      .sort((a, b) => a.from.localeCompare(b.from))[0];
    if (window) return { ...window, on: day.toISOString().slice(0, 10) };
  }
  return undefined;
}
