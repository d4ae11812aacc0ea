import { Types } from 'mongoose';
import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { describeOrganisations, isActiveMember } from '../organisations/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { notifyAnswer, notifyProposal } from './match-mail.js';
import { MatchModel } from './match-model.js';
import { admitActivation, revertStartWithoutConsent } from './match-consent.js';
import { eligibilityProblem, offerBelongsTo } from './match-ports.js';
import { recheckMatch } from './match-safety.js';
import {
  CLOSE_REASONS,
  WITHDRAW_REASONS,
  WITHDRAWABLE_STATES,
  type MatchAction,
  type MatchState,
} from './match-rules.js';
import type { StepAudit } from './match-settle.js';
import { moveMatch, type MoveDetails, type MoveOutcome } from './match-steps.js';
import { holdPlaces, releasePlaces, stillHoldsPlaces } from './proposal-places.js';
import { auditCase, caseAuditEntry, CASEWORK, isObjectId, loadRequest, mayChange } from './request-access.js';

export interface ProposalInput {
  requestId: string;
  volunteerId: string;
  organisationId: string;
  offerId?: string;
  childAlias: string;
  askText: string;
}

export type ProposeOutcome = { outcome: 'done'; matchId: string } | { outcome: 'already-proposed' };

function matchAudit(
  actor: Actor,
  action: string,
  matchId: string,
  context: RequestContext,
  details?: object,
) {
  const purpose = actor.role === 'social-worker' ? CASEWORK : 'answer-proposal';
  const entry = caseAuditEntry(actor, { action, objectType: 'match', objectId: matchId, purpose }, details);
  return { ...entry, ...context.origin } satisfies StepAudit;
}

/**
 * Proposes an adult for a child (the candidate page posts here). Everything in the hidden fields is
 * checked again on the server: the volunteer is an active member of the organisation, the organisation
 * works in the municipality, the offer is the organisation's, and the app's eligibility check
 * (refused when the app has none) passes. Anything that does not hold is a 404, as a tampered id would be.
 */
export async function proposeMatch(
  actor: Actor,
  input: ProposalInput,
  context: RequestContext,
): Promise<ProposeOutcome> {
  const request = await loadRequest(actor, input.requestId);
  if (!(await mayChange(actor, request, 'edit'))) throw new ForbiddenError('Only the responsible worker');
  if (request.status === 'closed') throw new ValidationError({ _form: 'matching.propose.closed' });
  if (![input.volunteerId, input.organisationId].every(isObjectId)) throw new NotFoundError();
  const organisation = (await describeOrganisations([input.organisationId])).get(input.organisationId);
  if (!organisation?.activeIn.includes(request.municipalityCode)) throw new NotFoundError();
  if (!(await isActiveMember(input.organisationId, input.volunteerId))) throw new NotFoundError();
  if (
    input.offerId &&
    !(isObjectId(input.offerId) && (await offerBelongsTo(input.offerId, input.organisationId)))
  )
    throw new NotFoundError();
  const problem = await eligibilityProblem({ ...input, request });
  if (problem) throw new ValidationError({ _form: problem });
  const matchId = String(new Types.ObjectId());
  const places = await holdPlaces(input, matchId);
  if (places.outcome === 'busy') throw new ValidationError({ _form: 'matching.propose.busy' });
  if (places.outcome !== 'claimed')
    throw new ValidationError({ _form: `candidates.refused.${places.outcome}` });
  const now = new Date();
  try {
    await MatchModel.create({
      _id: matchId,
      requestId: input.requestId,
      municipalityCode: request.municipalityCode,
      organisationId: input.organisationId,
      offerId: input.offerId,
      volunteerId: input.volunteerId,
      proposedBy: actor.userId,
      childAlias: input.childAlias,
      askText: input.askText,
      state: 'proposed',
      history: [{ state: 'proposed', by: actor.userId, role: actor.role, at: now }],
      liveKey: `${input.requestId}:${input.volunteerId}`,
    });
  } catch (error) {
    await releasePlaces(matchId);
    if (isDuplicateKeyError(error)) return { outcome: 'already-proposed' };
    throw error;
  }
  // A proposal that stalled past the claim's life may have had a place taken over meanwhile: it gives way.
  if (!(await stillHoldsPlaces(matchId, places.holders))) {
    await MatchModel.deleteOne({ _id: matchId });
    await releasePlaces(matchId);
    throw new ValidationError({ _form: 'matching.propose.busy' });
  }
  await auditCase(actor, { action: 'match.propose', objectType: 'match', objectId: matchId }, context, {
    requestId: input.requestId,
  });
  await notifyProposal(matchId, context.baseUrl);
  return { outcome: 'done', matchId };
}

/** A match of the request, for the request's team; anything else is a 404. */
export async function loadForRequest(actor: Actor, requestId: string, matchId: string) {
  const request = await loadRequest(actor, requestId);
  if (!isObjectId(matchId)) throw new NotFoundError();
  const match = await MatchModel.findOne({
    _id: matchId,
    requestId,
    municipalityCode: request.municipalityCode,
  }).lean();
  if (!match) throw new NotFoundError();
  return { request, match };
}

/** A match of the coordinator's own organisation, or of the volunteer themself; anything else is a 404. */
export async function loadForAnswer(actor: Actor, matchId: string) {
  if (!isObjectId(matchId)) throw new NotFoundError();
  const filter =
    actor.role === 'coordinator' &&
    actor.organisationId &&
    can(actor, 'matches:answer-org', { organisationId: actor.organisationId })
      ? { organisationId: actor.organisationId }
      : actor.role === 'volunteer' && can(actor, 'matches:answer-own', { ownerId: actor.userId })
        ? { volunteerId: actor.userId }
        : undefined;
  if (!filter) throw new NotFoundError();
  const match = await MatchModel.findOne({ _id: matchId, ...filter }).lean();
  if (!match) throw new NotFoundError();
  return match;
}

/** The coordinator (for the organisation) or the volunteer (for themself) accepts or declines. */
export async function answerProposal(
  actor: Actor,
  matchId: string,
  answer: 'accept' | 'decline',
  reason: string | undefined,
  context: RequestContext,
): Promise<MoveOutcome> {
  const match = await loadForAnswer(actor, matchId);
  const side = actor.role === 'coordinator' ? 'org' : 'own';
  const action = `${answer}-${side}` as MatchAction;
  if (answer === 'accept') {
    // A proposal is checked again with an exact read: the adult may have lost vetting or room since.
    const problem = await recheckMatch(match);
    if (problem) throw new ValidationError({ _form: problem });
  }
  const audit = matchAudit(actor, `match.${action}`, matchId, context);
  const moved = await moveMatch(String(match._id), actor, action, { reason }, audit);
  if (moved.outcome !== 'done') return moved.outcome;
  // The step cancelled the declined match's unsent mail (settleStep); the notice of the decline follows.
  if (moved.states.includes('declined')) await notifyAnswer(matchId, 'declined', context.baseUrl);
  if (moved.states.includes('accepted')) await notifyAnswer(matchId, 'accepted', context.baseUrl);
  return 'done';
}

export type CaseworkMove = 'activate' | 'pause' | 'resume' | 'close';

/** A proposal that never started is withdrawn for its own reasons; a match that ran is ended for others. */
function endingReasonFits(state: MatchState, reason: string | undefined): boolean {
  const reasons: readonly string[] = WITHDRAWABLE_STATES.includes(state)
    ? WITHDRAW_REASONS
    : CLOSE_REASONS.filter((own) => own !== 'volunteer-left');
  return reason !== undefined && reasons.includes(reason);
}

/**
 * The social worker's moves on a match of their request. Activating (and resuming) happens only when the
 * family's consent in force allows it and the adult is still eligible, both read now; otherwise the
 * server refuses with the reason (the consent page lists what is missing).
 */
export async function moveAsCaseworker(
  actor: Actor,
  requestId: string,
  matchId: string,
  action: CaseworkMove,
  details: MoveDetails & { closeReason?: string; acknowledgement?: string },
  context: RequestContext,
): Promise<MoveOutcome> {
  const { request, match } = await loadForRequest(actor, requestId, matchId);
  if (!(await mayChange(actor, request, 'edit'))) throw new ForbiddenError('Only the responsible worker');
  if (action === 'close' && !endingReasonFits(match.state as MatchState, details.closeReason))
    throw new ValidationError({ closeReason: 'caseState.end.reasonRequired' });
  if (
    (action === 'activate' && match.state === 'awaiting-consent') ||
    (action === 'resume' && match.state === 'paused')
  )
    await admitActivation(actor, request, match, details.acknowledgement, context);
  const audit = matchAudit(
    actor,
    `match.${action}`,
    matchId,
    context,
    action === 'close' ? { closeReason: details.closeReason } : undefined,
  );
  const moved = await moveMatch(matchId, actor, action, details, audit);
  if (moved.outcome !== 'done') return moved.outcome;
  // The consent read before the step may have ended since: read again now that the step is held.
  if (action === 'activate' || action === 'resume')
    await revertStartWithoutConsent(actor, request, matchId, action, context);
  return 'done';
}
