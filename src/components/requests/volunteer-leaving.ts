import { trusted } from 'mongoose';
import { notifyVolunteerLeft } from './match-mail.js';
import { MatchModel } from './match-model.js';
import { LIVE_STATES } from './match-rules.js';
import { moveMatch } from './match-steps.js';
import { syncRequestStatus } from './request-status.js';

/**
 * A volunteer deletes their account: each of their live proposals and matches ends ("the volunteer
 * left"), mail about the child not yet sent is cancelled, and the responsible social worker is told.
 * Safe to repeat: an ended match is skipped.
 */
export function whenVolunteerLeaves(baseUrl: string) {
  return async (userId: string) => {
    const live = await MatchModel.find({ volunteerId: userId, state: trusted({ $in: LIVE_STATES }) })
      .limit(1000)
      .lean();
    for (const match of live) {
      const matchId = String(match._id);
      // The step cancels the match's unsent mail (settleStep), before the notice below is queued.
      const moved = await moveMatch(matchId, { userId, role: 'system' }, 'volunteer-left', {
        closeReason: 'volunteer-left',
      });
      await syncRequestStatus(match.requestId);
      if (moved.outcome === 'done') await notifyVolunteerLeft(matchId, baseUrl);
    }
  };
}
