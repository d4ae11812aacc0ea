import { describePeople } from '../accounts/index.js';
import { placesInUse, runningOffer } from '../offers/index.js';
import { describeOrganisations, isActiveMember } from '../organisations/index.js';
import { vettedPeriodsOf } from '../vetting/index.js';
import { findProfile } from '../volunteers/index.js';
import type { BaseCandidate } from './candidate-base.js';
import { candidateFactsOf, requestFactsOf } from './candidate-facts.js';
import { exclusionOf } from './candidate-rules.js';
import {
  type ProposalCandidate,
  activeMatchCountsByVolunteer,
  placesTakenBefore,
} from '../requests/index.js';

/**
 * The exact check at proposal, acceptance and activation (the requests' EligibilityCheck, in every app): every
 * fact is read from the database now, never from the candidate read model, so a read model within its bound
 * can rank someone but never produce an ineligible proposal: vetting valid through the expected duration, member active, profile
 * not paused and below its limit, free places on the offer, and the request's hard wishes. Resolves to
 * undefined when eligible, or a catalog key naming the first reason.
 */
export async function checkEligibility(candidate: ProposalCandidate): Promise<string | undefined> {
  const { request, volunteerId, organisationId, offerId, matchId } = candidate;
  const now = new Date();
  const [organisations, member, profile, people, periods, loads, offer] = await Promise.all([
    describeOrganisations([organisationId]),
    isActiveMember(organisationId, volunteerId),
    findProfile(volunteerId),
    describePeople([volunteerId]),
    vettedPeriodsOf([organisationId], now),
    matchId
      ? placesTakenBefore('volunteerId', volunteerId, matchId).then(
          (count) => new Map([[volunteerId, count]]),
        )
      : activeMatchCountsByVolunteer([volunteerId]),
    offerId ? runningOffer(offerId, now) : Promise.resolve(undefined),
  ]);
  const organisation = organisations.get(organisationId);
  if (!organisation?.activeIn.includes(request.municipalityCode) || !member)
    return 'candidates.refused.not-member';
  if (!profile || !people.get(volunteerId)?.active) return 'candidates.refused.not-member';
  if (offerId && (!offer || offer.organisationId !== organisationId || !offer.adultIds.includes(volunteerId)))
    return 'candidates.refused.no-offer';
  const inUse = !offerId
    ? new Map<string, number>()
    : matchId
      ? new Map([[offerId, await placesTakenBefore('offerId', offerId, matchId)]])
      : await placesInUse([offerId]);
  const base: BaseCandidate = {
    volunteerId,
    organisationId,
    organisationName: organisation.name,
    organisationKind: organisation.kind,
    vettedUntil: periods.periods.find((period) => period.userId === volunteerId)?.vettedUntil,
    status: profile.status,
    maxChildren: profile.maxChildren,
    gender: profile.gender ?? undefined,
    languages: [...profile.languages],
    interests: [...profile.interests],
    windows: offer ? offer.schedule : profile.availability,
    lat: offer?.lat ?? profile.lat,
    lon: offer?.lon ?? profile.lon,
    postcode: offer?.postcode ?? profile.postcode,
    ...(offer ? { offerId, offerPlaces: offer.places, ageMin: offer.ageMin, ageMax: offer.ageMax } : {}),
  };
  const facts = candidateFactsOf(base, loads.get(volunteerId) ?? 0, inUse.get(offerId ?? '') ?? 0);
  const exclusion = exclusionOf(facts, requestFactsOf(request, now));
  return exclusion ? `candidates.refused.${exclusion.reason}` : undefined;
}

/** Which organisation a running offer belongs to (the requests' OfferOwnerLookup). */
export async function offerOwner(offerId: string): Promise<string | undefined> {
  return (await runningOffer(offerId))?.organisationId;
}
