import type { Actor } from '../accounts/index.js';
import { readMatch, rollForward, settleStep, type StepAudit } from './match-settle.js';
import { MatchStepModel } from './match-step-model.js';
import { transition, type MatchAction, type MatchState, type Mover } from './match-rules.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

export type StoredMatch = NonNullable<Awaited<ReturnType<typeof readMatch>>>;
export type MoveOutcome = 'done' | 'changed' | 'not-allowed';

export interface MoveDetails {
  reason?: string;
  closeReason?: string;
  /** Where a reverted start returns to: waiting for consent (after activate) or paused (after resume). */
  revertTo?: 'awaiting-consent' | 'paused';
}

/** Who moves a match: a person in their role, or the application itself ("system"). */
export type MatchMover = Actor | { userId: string; role: Mover };

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The complete result of a legal move: the new state, the appended history, and the move's own fields. */
function patchFor(
  current: StoredMatch,
  actor: MatchMover,
  action: MatchAction,
  states: MatchState[],
  details: MoveDetails,
) {
  const at = new Date();
  const event = (state: MatchState) =>
    withoutUndefined({ state, by: actor.userId, role: actor.role, at, reason: details.reason });
  const patch: Record<string, unknown> = {
    state: states.at(-1) ?? current.state,
    history: [
      ...current.history.map((past) => withoutUndefined({ ...past, reason: past.reason ?? undefined })),
      ...states.map(event),
    ],
  };
  const answer = { by: actor.userId, at };
  if (action === 'accept-org') patch.acceptedByOrg = answer;
  if (action === 'accept-own') patch.acceptedByVolunteer = answer;
  if (action === 'decline-org' || action === 'decline-own') patch.declineReason = details.reason ?? '';
  if (action === 'close' || action === 'volunteer-left') {
    patch.closeReason = details.closeReason;
    // A closed match always comes with the offer to find the child a new adult.
    patch.rematchOffered = true;
  }
  if (states.includes('declined') || states.includes('closed'))
    patch.liveKey = `ended:${String(current._id)}`;
  return withoutUndefined(patch);
}

/**
 * Moves a match one step, if the rules allow it for the actor now. The step is claimed first with a
 * unique (matchId, step) insert, so two coordinators accepting at once end with one acceptance and one
 * "changed meanwhile", on FerretDB as on MongoDB. A claim lost to a different kind of move (the volunteer
 * accepting while the coordinator accepts) is re-evaluated on the new state, so both acceptances land.
 * The claim carries the step's audit entry (`audit`, written with the step's own id), so what a cut-off
 * request leaves undone is completed by the repair job (see settleStep).
 */
export async function moveMatch(
  matchId: string,
  actor: MatchMover,
  action: MatchAction,
  details: MoveDetails = {},
  audit?: StepAudit,
): Promise<{ outcome: MoveOutcome; match?: StoredMatch; states: MatchState[] }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await rollForward(matchId);
    if (!current) return { outcome: 'not-allowed', states: [] };
    const result = transition(
      current.state as MatchState,
      action,
      actor.role,
      { org: Boolean(current.acceptedByOrg), own: Boolean(current.acceptedByVolunteer) },
      details.revertTo,
    );
    // Someone else having answered for this side, or anything lost to a racing claim, changed under the person.
    if (!result.ok)
      return { outcome: attempt === 0 && result.why !== 'already' ? 'not-allowed' : 'changed', states: [] };
    const patch = patchFor(current, actor, action, result.states, details);
    const claimed = {
      matchId,
      step: current.steps,
      action,
      by: actor.userId,
      at: new Date(),
      patch,
      states: result.states,
      audit: audit && { ...audit, at: audit.at ?? new Date() },
    };
    try {
      await MatchStepModel.create(claimed);
    } catch (error) {
      if (isDuplicateKeyError(error)) continue;
      throw error;
    }
    await settleStep(claimed);
    return { outcome: 'done', match: (await readMatch(matchId)) ?? undefined, states: result.states };
  }
  return { outcome: 'changed', states: [] };
}
