import { addDays } from '../followups/index.js';

/**
 * A volunteer's check-in as the organisation's report judges it, by the follow-up's own clock: it is due
 * on its date and the day after, so an answer by then is on time and a later one late; seven days past
 * its date without an answer (still open, or skipped) it is missed, as the social worker is told.
 * Open and within those seven days it is still pending and not judged yet; a cancelled one (the match
 * ended) never counts.
 */
export const ON_TIME_DAYS_AFTER_DUE = 1;
export const MISSED_AFTER_DAYS = 7;

export type CheckInJudgement = 'onTime' | 'late' | 'missed' | 'pending' | 'cancelled';

export interface CheckInForReport {
  dueOn: string;
  state: string;
  /** The Copenhagen date it was answered, when it was. */
  answeredOn?: string;
}

export function judgeCheckIn(checkIn: CheckInForReport, today: string): CheckInJudgement {
  if (checkIn.state === 'cancelled') return 'cancelled';
  if (checkIn.state === 'done' && checkIn.answeredOn) {
    return checkIn.answeredOn <= addDays(checkIn.dueOn, ON_TIME_DAYS_AFTER_DUE) ? 'onTime' : 'late';
  }
  return today >= addDays(checkIn.dueOn, MISSED_AFTER_DAYS) ? 'missed' : 'pending';
}

/** On time, late and missed among the check-ins due from `from` to `today` (both included). */
export function checkInCompletion(checkIns: readonly CheckInForReport[], from: string, today: string) {
  const counts = { onTime: 0, late: 0, missed: 0, pending: 0 };
  for (const checkIn of checkIns) {
    if (checkIn.dueOn < from || checkIn.dueOn > today) continue;
    const judged = judgeCheckIn(checkIn, today);
    if (judged !== 'cancelled') counts[judged] += 1;
  }
  return counts;
}
