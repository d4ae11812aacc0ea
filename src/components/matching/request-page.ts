import { describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { watchOf } from './candidate-watch-service.js';
import { matchesOfRequest } from './match-views.js';
import { mayChange } from './request-access.js';
import { ageFrom } from './request-rules.js';
import { mayEdit, readRequest, transferChoices } from './request-service.js';

/**
 * The request's detail page for its team: everything about the child the team may know (the needs text
 * included), the matches and their moves, and, for the responsible worker, edit, transfer and close.
 * The candidate section renders only when a `candidates` model is given.
 */
export async function requestPageModel(actor: Actor, requestId: string, context: RequestContext) {
  const request = await readRequest(actor, requestId, context);
  const [editable, transferable, colleagues, matches, people, organisations, watch] = await Promise.all([
    mayEdit(actor, request),
    mayChange(actor, request, 'transfer'),
    transferChoices(request),
    matchesOfRequest(requestId),
    describePeople([request.responsibleId]),
    describeOrganisations(request.networkOrganisationIds),
    watchOf(requestId),
  ]);
  return {
    titleKey: 'matching.detail.title',
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
    waitingSince: watch?.createdAt,
  };
}
