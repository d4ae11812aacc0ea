import { trusted } from 'mongoose';
import type { JobDefinition } from '../../shared/jobs/index.js';
import { notifyProposal } from './match-mail.js';
import { MatchModel } from './match-model.js';
import { MatchClaimModel } from './match-step-model.js';
import { REMINDER_AFTER_DAYS } from './match-rules.js';

/**
 * Reminds the coordinators and the volunteer who have not yet answered a proposal that has waited more
 * than five days. Each proposal is claimed once by inserting a unique {kind, matchId}, so every instance
 * and every later run skips it. Claim first, then enqueue: a crash between the two loses one reminder
 * rather than sending two, the better failure for a nudge. Returns how many proposals were reminded.
 */
export async function remindWaitingProposals(now: Date, baseUrl: string): Promise<number> {
  const waiting = await MatchModel.find({
    state: 'proposed',
    createdAt: trusted({ $lt: new Date(now.getTime() - REMINDER_AFTER_DAYS * 86_400_000) }),
  })
    .limit(1000)
    .lean();
  let reminded = 0;
  for (const match of waiting) {
    try {
      await MatchClaimModel.create({ kind: 'proposal-reminder', matchId: String(match._id), claimedAt: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) continue;
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
