import { seam, wired } from '../../shared/wiring/index.js';
import type { StoredRequest } from './request-access.js';

/**
 * Seams for the pieces candidate search fills in, connected where the app is assembled: proposals call
 * them without knowing their insides.
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

export const eligibilitySeam = seam<EligibilityCheck>('requests.eligibility');
export const offerOwnerSeam = seam<OfferOwnerLookup>('requests.offer-owner');

/** Fails closed: without a check in the app's wiring nobody has vouched for the candidate, so it is refused. */
export async function eligibilityProblem(candidate: ProposalCandidate): Promise<string | undefined> {
  const eligibility = wired(eligibilitySeam);
  return eligibility ? eligibility(candidate) : 'matching.propose.noEligibilityCheck';
}

/** Fails closed: without a lookup nobody can vouch for the offer, so a proposal naming one is refused. */
export async function offerBelongsTo(offerId: string, organisationId: string): Promise<boolean> {
  const offerOwner = wired(offerOwnerSeam);
  return offerOwner ? (await offerOwner(offerId)) === organisationId : false;
}
