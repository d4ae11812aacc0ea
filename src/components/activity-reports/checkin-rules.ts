import { judgeFollowUp, type FollowUpJudgement } from '../followups/index.js';

/** A volunteer's check-in is judged by the follow-up's own clock (see followups' judgeFollowUp). */
export type CheckInJudgement = FollowUpJudgement;

export interface CheckInForReport {
  dueOn: string;
  state: string;
  /** The Copenhagen date it was answered, when it was. */
  answeredOn?: string;
}

export function judgeCheckIn(checkIn: CheckInForReport, today: string): CheckInJudgement {
  return judgeFollowUp(checkIn, today);
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
