import { addMonths } from '../vetting/index.js';
import type { BaseCandidate } from './candidate-base.js';
import { DEFAULT_TRAVEL_KM, type CandidateFacts, type RequestFacts } from './candidate-rules.js';
import { type StoredRequest, ageFrom } from '../requests/index.js';

/** What the rules need of a request: the matching criteria only (never the needs text). */
export function requestFactsOf(request: StoredRequest, now: Date): RequestFacts {
  return {
    age: ageFrom(request.birthYear, request.birthMonth, now),
    interests: request.interests,
    homeLanguages: request.homeLanguages,
    windows: request.windows.map(({ weekday, from, to }) => ({ weekday, from, to })),
    point: { lat: request.lat, lon: request.lon },
    maxTravelKm: request.maxTravelKm ?? DEFAULT_TRAVEL_KM,
    adultGender: request.adultGender ?? undefined,
    noFaithCommunity: request.noFaithCommunity,
    networkOrganisationIds: request.networkOrganisationIds,
    networkVolunteerId: request.networkVolunteerId ?? undefined,
    vettedThrough: addMonths(now, request.expectedMonths),
  };
}

export type Candidate = CandidateFacts & { base: BaseCandidate };

/** A base candidate as facts, with the counts of matches known so far (refined for the survivors). */
export function candidateFactsOf(base: BaseCandidate, activeMatches = 0, placesInUse = 0): Candidate {
  return {
    base,
    volunteerId: base.volunteerId,
    organisationId: base.organisationId,
    offerId: base.offerId,
    organisationKind: base.organisationKind,
    vettedUntil: base.vettedUntil,
    status: base.status,
    maxChildren: base.maxChildren,
    activeMatches,
    gender: base.gender,
    languages: base.languages,
    interests: base.interests,
    windows: base.windows,
    point: { lat: base.lat, lon: base.lon },
    offer:
      base.offerId === undefined
        ? undefined
        : {
            ageMin: base.ageMin ?? 0,
            ageMax: base.ageMax ?? 99,
            freePlaces: Math.max(0, (base.offerPlaces ?? 0) - placesInUse),
          },
  };
}

/** The candidate's key in links and forms: volunteer, organisation and (optionally) offer ids. */
export const candidateKey = (c: { volunteerId: string; organisationId: string; offerId?: string }) =>
  [c.volunteerId, c.organisationId, ...(c.offerId ? [c.offerId] : [])].join('_');

export const CANDIDATE_KEY = /^[0-9a-f]{24}_[0-9a-f]{24}(_[0-9a-f]{24})?$/;
