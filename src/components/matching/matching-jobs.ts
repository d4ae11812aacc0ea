import type { JobDefinition } from '../../shared/jobs/index.js';
import { notifyProposal } from './match-mail.js';
import { MatchModel } from './match-model.js';
import { MatchClaimModel } from './match-step-model.js';
import { isDueReminder } from './match-rules.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

/**
 * Reminds the coordinators and the volunteer who have not yet answered a proposal that has waited more
 * than five days. Each proposal is claimed once by inserting a unique {kind, matchId}, so every instance
 * and every later run skips it. Claim first, then enqueue: a crash between the two loses one reminder
 * rather than sending two, the better failure for a nudge. Returns how many proposals were reminded.
 */
export async function remindWaitingProposals(now: Date, baseUrl: string): Promise<number> {
  // The rule decides which are due (isDueReminder); the query only narrows to proposals, oldest first.
  const waiting = await MatchModel.find({ state: 'proposed' }).sort({ createdAt: 1 }).limit(1000).lean();
  let reminded = 0;
  for (const match of waiting) {
    if (!isDueReminder({ state: match.state, proposedAt: match.createdAt }, now)) continue;
    try {
      await MatchClaimModel.create({ kind: 'proposal-reminder', matchId: String(match._id), claimedAt: now });
    } catch (error) {
      if (isDuplicateKeyError(error)) continue;
      throw error;
    }
    await notifyProposal(String(match._id), baseUrl, 'match-reminder');
    reminded += 1;
  }
  return reminded;
}

export function matchingJobs(baseUrl: string): JobDefinition[] {
  return [
    {
      name: 'matching:proposal-reminders',
      schedule: '23 8 * * *',
      run: (context) => remindWaitingProposals(context?.now ?? new Date(), baseUrl),
    },
  ];
}
