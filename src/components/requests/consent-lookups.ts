import { DELETED_NAME, describePeople, type Actor } from '../accounts/index.js';
import type { ConsentMatch, ConsentMatchLookups } from '../consent/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { afterAcceptanceOf } from './after-acceptance.js';
import { matchStatesOf } from './case-state-service.js';
import { wordingFor } from './case-state-wording.js';
import { MatchModel } from './match-model.js';
import { loadForRequest } from './match-service.js';
import { mayChange } from './request-access.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';

/** The match by id, or null for an id that cannot be one. */
export function readMatch(matchId: string) {
  return /^[0-9a-f]{24}$/.test(matchId) ? MatchModel.findById(matchId).lean() : Promise.resolve(null);
}

type MatchDoc = NonNullable<Awaited<ReturnType<typeof readMatch>>>;
type RequestDoc = { responsibleId: string; birthYear: number; birthMonth: number };

async function describe(match: MatchDoc, request: RequestDoc): Promise<ConsentMatch> {
  const matchId = String(match._id);
  const [people, organisations, states, accepted] = await Promise.all([
    describePeople([match.volunteerId, request.responsibleId]),
    describeOrganisations([match.organisationId]),
    matchStatesOf([match]),
    afterAcceptanceOf([{ ...match, id: matchId }], new Date(), { fromProposal: true }),
  ]);
  const state = states.get(matchId);
  const known = accepted.get(matchId);
  const name = (id: string) => {
    const found = people.get(id)?.name;
    return found && found !== DELETED_NAME ? found : '–';
  };
  return {
    matchId: String(match._id),
    requestId: match.requestId,
    municipalityCode: match.municipalityCode,
    organisationId: match.organisationId,
    organisationName: organisations.get(match.organisationId)?.name ?? '–',
    volunteerId: match.volunteerId,
    volunteerName: name(match.volunteerId),
    responsibleId: request.responsibleId,
    responsibleName: name(request.responsibleId),
    childAlias: match.childAlias,
    childAge: ageFrom(request.birthYear, request.birthMonth, new Date()),
    state: match.state,
    ...(state
      ? { status: { socialWorker: wordingFor(state, 'socialWorker'), family: wordingFor(state, 'family') } }
      : {}),
    receipt: {
      activity: known?.offerTitle ?? match.askText,
      schedule: known?.schedule ?? [],
      place: known?.place,
      responsiblePhone: known?.socialWorker?.phone,
    },
  };
}

async function teamLookup(actor: Actor, requestId: string, matchId: string) {
  const { request, match } = await loadForRequest(actor, requestId, matchId);
  return { match: await describe(match, request), mayChange: await mayChange(actor, request, 'edit') };
}

async function byIdLookup(matchId: string): Promise<ConsentMatch | undefined> {
  const match = await readMatch(matchId);
  if (!match) return undefined;
  const request = await RequestModel.findById(match.requestId, {
    responsibleId: 1,
    birthYear: 1,
    birthMonth: 1,
  }).lean();
  return request ? describe(match, request) : undefined;
}

/** How consent reads the matches it holds consents for: matching fills consent's seam with these. */
export const consentMatchLookups: ConsentMatchLookups = { team: teamLookup, byId: byIdLookup };
