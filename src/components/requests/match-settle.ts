import { trusted } from 'mongoose';
import { recordAuditOnce, type AuditEvent, type AuditInput } from '../../shared/audit/index.js';
import { cancelPendingMailAbout } from '../../shared/mail/index.js';
import { announceMatchMoved } from './match-events.js';
import { MatchModel } from './match-model.js';
import type { MatchState } from './match-rules.js';
import { MatchStepModel } from './match-step-model.js';
import { syncRequestStatus } from './request-status.js';

// The states that end a match: nothing about it is mailed any more, except the notice of the end.
const ENDED_STATES: readonly MatchState[] = ['declined', 'closed'];

/** The audit entry a step owes, with where the request came from. */
export type StepAudit = AuditInput & Partial<Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>>;

/** A claimed step as stored: enough to apply it and to complete what it owes. */
export interface ClaimedStep {
  matchId: string;
  step: number;
  at: Date;
  patch: unknown;
  states?: string[];
  audit?: unknown;
}

/** A step is left to its own request this long before the repair job completes it in its place. */
export const SETTLE_AFTER_MS = 60_000;

export function readMatch(matchId: string) {
  return MatchModel.findById(matchId).lean();
}

/** Applies claimed step n; the `steps` guard keeps a late writer from undoing later steps. */
async function applyStep(matchId: string, step: number, patch: Record<string, unknown>): Promise<void> {
  await MatchModel.updateOne({ _id: matchId, steps: step }, { $set: { ...patch, steps: step + 1 } });
}

/** A step claimed but never applied (the process died in between) is applied now, before anything else. */
export async function rollForward(matchId: string) {
  let current = await readMatch(matchId);
  for (let attempts = 0; current && attempts < 3; attempts += 1) {
    const stranded = await MatchStepModel.findOne({ matchId, step: current.steps }).lean();
    if (!stranded) return current;
    await applyStep(matchId, current.steps, stranded.patch as Record<string, unknown>);
    current = await readMatch(matchId);
  }
  return current;
}

/**
 * Completes what a claimed step owes, in an order that any number of repeats leaves right: the patch is
 * applied, the audit entry written once (its id comes from the step), an ended match's unsent mail
 * cancelled, components above are told (follow-up
 * planning is keyed, so telling twice plans once), the request's status follows, and the step is marked
 * settled last. Run by the request that claimed the step, and again by the repair job when that request
 * was cut off (a stop past its limit, a crash).
 */
export async function settleStep(claimed: ClaimedStep): Promise<void> {
  const match = await rollForward(claimed.matchId);
  if (!match || match.steps <= claimed.step) return;
  if (claimed.audit) {
    await recordAuditOnce(`match-step:${claimed.matchId}:${claimed.step}`, claimed.audit as StepAudit);
  }
  const states = (claimed.states ?? []) as MatchState[];
  // An ended match is over: what about it has not gone out is not sent any more. Done here, so a step
  // whose request was cut off still cancels it, and before the caller queues the notice of the end.
  if (states.some((state) => ENDED_STATES.includes(state))) await cancelPendingMailAbout(claimed.matchId);
  if (states.length > 0) await announceMatchMoved({ matchId: claimed.matchId, states, at: claimed.at });
  await syncRequestStatus(match.requestId);
  await MatchStepModel.updateOne(
    { matchId: claimed.matchId, step: claimed.step },
    { $set: { settled: true } },
  );
}

/**
 * The repair path: steps claimed more than SETTLE_AFTER_MS ago and still not settled (their request was
 * cut off) are completed now, oldest first, at most `limit` a run. Returns how many were settled.
 */
export async function settleStrandedSteps(now: Date, limit = 200): Promise<number> {
  const stranded = await MatchStepModel.find({
    settled: false,
    at: trusted({ $lt: new Date(now.getTime() - SETTLE_AFTER_MS) }),
  })
    .sort({ at: 1 })
    .limit(limit)
    .lean();
  for (const step of stranded) await settleStep(step);
  return stranded.length;
}
