import type { StoredRequest } from './request-access.js';

/**
 * Seams for the pieces other components fill in, registered at start-up (dependency
 * inversion, as offers' registerPlacesInUse): matching calls them without knowing their insides.
 */
export interface ProposalCandidate {
  request: StoredRequest;
  volunteerId: string;
  organisationId: string;
  offerId?: string;
  /**
   * Set when an existing match is checked again (at acceptance and activation): its own place is not
   * counted against it, nor are later proposals still waiting, so of two racing matches the earlier wins.
   */
  matchId?: string;
}

/**
 * The full eligibility check of a candidate (vetted through the expected duration, capacity, age range,
 * schedule …), owned by candidate search. Resolves to undefined when eligible, or a catalog key saying why not.
 */
export type EligibilityCheck = (candidate: ProposalCandidate) => Promise<string | undefined>;

/** Which organisation an offer belongs to (undefined when there is no such running offer). */
export type OfferOwnerLookup = (offerId: string) => Promise<string | undefined>;

let eligibility: EligibilityCheck | undefined;
let offerOwner: OfferOwnerLookup | undefined;

/** A second call replaces the first (tests swap checks); undefined removes it. */
export function registerEligibilityCheck(check: EligibilityCheck | undefined): void {
  eligibility = check;
}

export function registerOfferOwnerLookup(lookup: OfferOwnerLookup | undefined): void {
  offerOwner = lookup;
}

/** Fails closed: without a registered check nobody has vouched for the candidate, so it is refused. */
export async function eligibilityProblem(candidate: ProposalCandidate): Promise<string | undefined> {
  return eligibility ? eligibility(candidate) : 'matching.propose.noEligibilityCheck';
}

/** Fails closed: without a lookup nobody can vouch for the offer, so a proposal naming one is refused. */
export async function offerBelongsTo(offerId: string, organisationId: string): Promise<boolean> {
  return offerOwner ? (await offerOwner(offerId)) === organisationId : false;
}
