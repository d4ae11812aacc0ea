import { trusted } from 'mongoose';
import { FollowUpModel } from './followup-model.js';
import { copenhagenDate, statusOf, type FollowUpAudience, type FollowUpStatus } from './followup-rules.js';

/** The most open follow-ups of one municipality read at once (a large municipality has a few thousand). */
const OPEN_READ_LIMIT = 20_000;

/** An open follow-up as a caseload counts it: whose case (the request), whose turn, and where it stands. */
export interface OpenFollowUpForCaseload {
  requestId: string;
  audience: FollowUpAudience;
  status: FollowUpStatus;
}

/**
 * The municipality's open follow-ups that are due or overdue today (a paused match's plan waits, so it is
 * left out). Nothing about the child or the answers is read.
 */
export async function dueFollowUpsForCaseload(
  municipalityCode: string,
  now: Date,
): Promise<OpenFollowUpForCaseload[]> {
  const today = copenhagenDate(now);
  const open = await FollowUpModel.find(
    // Only those whose day has come: the rest are scheduled, neither due nor overdue.
    { municipalityCode, state: 'open', dueOn: trusted({ $lte: today }) },
    { requestId: 1, audience: 1, state: 1, dueOn: 1, pausedOn: 1 },
  )
    .limit(OPEN_READ_LIMIT)
    .lean();
  return open
    .filter((followUp) => !followUp.pausedOn)
    .map((followUp) => ({
      requestId: followUp.requestId,
      audience: followUp.audience as FollowUpAudience,
      status: statusOf({ state: 'open', dueOn: followUp.dueOn }, today),
    }))
    .filter((followUp) => followUp.status === 'due' || followUp.status === 'overdue');
}
