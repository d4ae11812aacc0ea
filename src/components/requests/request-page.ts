import { describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { requestCaseState } from './case-state-rules.js';
import { wordingFor } from './case-state-wording.js';
import type { CandidateWaits } from './candidate-waits.js';
import { matchesOfRequest } from './match-views.js';
import { mayChange } from './request-access.js';
import { ageFrom } from './request-rules.js';
import { mayEdit, readRequest, transferChoices } from './request-service.js';

/**
 * The request's detail page for its team: everything about the child the team may know (the needs text
 * included), the matches and their moves, and, for the responsible worker, edit, transfer and close.
 * The state and the one next step come from the case-state rule; the candidates have a page of their own.
 */
export async function requestPageModel(
  actor: Actor,
  requestId: string,
  context: RequestContext,
  waits: CandidateWaits,
) {
  const request = await readRequest(actor, requestId, context);
  const [editable, transferable, colleagues, matches, people, organisations, waitingSince] =
    await Promise.all([
      mayEdit(actor, request),
      mayChange(actor, request, 'transfer'),
      transferChoices(request),
      matchesOfRequest(requestId),
      describePeople([request.responsibleId]),
      describeOrganisations(request.networkOrganisationIds),
      waits.waitingSince(requestId),
    ]);
  const state = requestCaseState(
    request.status,
    matches.map((match) => match.caseState),
  );
  // The one next step is the leading match's (the one whose state the request takes), or finding an adult.
  const lead = matches.find((match) => match.caseState.state === state.state && state.state !== 'closed');
  return {
    titleKey: 'matching.detail.title',
    state,
    status: wordingFor(state, 'socialWorker'),
    primary: lead
      ? { ...lead.next, matchId: lead.id, childAlias: lead.childAlias, volunteerName: lead.volunteerName }
      : state.next === 'find-candidates'
        ? { textKey: 'caseState.next.find-candidates', link: `/sager/${requestId}/kandidater` }
        : { textKey: 'caseState.next.none' },
    request: {
      ...request,
      id: requestId,
      age: ageFrom(request.birthYear, request.birthMonth, new Date()),
      responsibleName: people.get(request.responsibleId)?.name ?? '–',
      network: request.networkOrganisationIds.map((id) => organisations.get(id)?.name ?? '–'),
      isOpen: request.status !== 'closed',
    },
    editable,
    transferable,
    colleagues: transferable ? colleagues : [],
    matches,
    hasMatches: matches.length > 0,
    candidatesLink: `/sager/${requestId}/kandidater`,
    waitingSince,
  };
}
