import { judgeFollowUp } from '../followups/index.js';

export interface CheckInForReport {
  dueOn: string;
  state: string;
  /** The Copenhagen date it was answered, when it was. */
  answeredOn?: string;
}

/**
 * On time, late and missed among the check-ins due from `from` to `today` (both included), each judged by
 * the follow-up's own clock (followups' judgeFollowUp).
 */
export function checkInCompletion(checkIns: readonly CheckInForReport[], from: string, today: string) {
  const counts = { onTime: 0, late: 0, missed: 0, pending: 0 };
  for (const checkIn of checkIns) {
    if (checkIn.dueOn < from || checkIn.dueOn > today) continue;
    const judged = judgeFollowUp(checkIn, today);
    if (judged !== 'cancelled') counts[judged] += 1;
  }
  return counts;
}
