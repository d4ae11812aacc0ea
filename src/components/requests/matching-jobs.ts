import { trusted } from 'mongoose';
import type { JobContext, JobDefinition } from '../../shared/jobs/index.js';
import { notifyProposal } from './match-mail.js';
import { MatchModel } from './match-model.js';
import { MatchClaimModel } from './match-step-model.js';
import { isDueReminder } from './match-rules.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

const REMINDER = 'proposal-reminder';

/** Records the reminder as done; a second record (a repeat after a takeover) is already there. */
async function markReminded(matchId: string, now: Date): Promise<void> {
  try {
    await MatchClaimModel.create({ kind: REMINDER, matchId, claimedAt: now });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Reminds the coordinators and the volunteer who have not yet answered a proposal that has waited more
 * than five days. Each proposal is a job item: claimed with a lease, its mails queued under the item's
 * idempotency keys, and only then recorded as reminded (a unique {kind, matchId}, which keeps it from
 * being an item again). An instance that dies in between leaves the item to be taken over once its lease
 * runs out, and a mail queued twice is a refused duplicate: sent exactly once. Returns how many proposals
 * were reminded.
 */
async function remindWaitingProposals(context: JobContext, baseUrl: string): Promise<number> {
  const { now } = context;
  // The rule decides which are due (isDueReminder); the query only narrows to proposals, oldest first.
  const waiting = await MatchModel.find({ state: 'proposed' }).sort({ createdAt: 1 }).limit(1000).lean();
  const due = waiting
    .filter((match) => isDueReminder({ state: match.state, proposedAt: match.createdAt }, now))
    .map((match) => String(match._id));
  const reminded = await MatchClaimModel.find(
    { kind: REMINDER, matchId: trusted({ $in: due }) },
    { matchId: 1 },
  ).lean();
  const done = new Set(reminded.map((claim) => claim.matchId));
  return context.eachItem(
    due.filter((matchId) => !done.has(matchId)),
    (matchId) => matchId,
    async (matchId, held) => {
      await notifyProposal(matchId, baseUrl, 'match-reminder', held);
      await held.fenced(() => markReminded(matchId, now));
    },
  );
}

export function matchingJobs(baseUrl: string): JobDefinition[] {
  return [
    {
      name: 'matching:proposal-reminders',
      schedule: '23 8 * * *',
      // Every instance works the reminders (shared through item claims), so a stalled one holds up none.
      everyInstance: true,
      run: (context) => {
        if (!context) throw new Error('matching:proposal-reminders runs through the job runner');
        return remindWaitingProposals(context, baseUrl);
      },
    },
  ];
}
