import { DELETED_NAME, describePeople, type Actor } from '../accounts/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { ForbiddenError, ValidationError } from '../../shared/errors/index.js';
import { CLOSE_REASONS, WITHDRAW_REASONS, WITHDRAWABLE_STATES, type MatchState } from './match-rules.js';
import { loadForRequest } from './match-service.js';
import { mayChange } from './request-access.js';

/**
 * The page that confirms ending a match (or withdrawing a proposal that never started): who it is with,
 * and the reasons that fit the match's state, none chosen in advance. Only the responsible worker sees
 * it; a match that has already ended cannot be ended again.
 */
export async function endPageModel(actor: Actor, requestId: string, matchId: string) {
  const { request, match } = await loadForRequest(actor, requestId, matchId);
  if (!(await mayChange(actor, request, 'edit'))) throw new ForbiddenError('Only the responsible worker');
  const state = match.state as MatchState;
  const withdrawing = WITHDRAWABLE_STATES.includes(state);
  if (!withdrawing && !['active', 'paused'].includes(state))
    throw new ValidationError({ _form: 'matching.outcome.not-allowed' });
  const [people, organisations] = await Promise.all([
    describePeople([match.volunteerId]),
    describeOrganisations([match.organisationId]),
  ]);
  const name = people.get(match.volunteerId)?.name;
  return {
    titleKey: withdrawing ? 'caseState.end.withdrawTitle' : 'caseState.end.title',
    withdrawing,
    requestId,
    matchId,
    childAlias: match.childAlias,
    volunteerName: name && name !== DELETED_NAME ? name : '–',
    organisationName: organisations.get(match.organisationId)?.name ?? '–',
    reasons: (withdrawing
      ? WITHDRAW_REASONS
      : CLOSE_REASONS.filter((reason) => reason !== 'volunteer-left')
    ).map((reason) => ({
      value: reason,
      labelKey:
        withdrawing && reason !== 'other'
          ? `caseState.withdrawReasons.${reason}`
          : `matching.closeReasons.${reason}`,
    })),
  };
}
