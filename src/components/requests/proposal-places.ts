import { runningOffer } from '../offers/index.js';
import { findProfile } from '../volunteers/index.js';
import { claimPlace, releasePlaces, stillHoldsPlaces, type PlaceHolder } from './place-slots.js';

export type PlacesOutcome = 'claimed' | 'no-free-place' | 'at-limit' | 'busy';

/** The places a proposal takes: one of the offer's (when it names one) and one of the volunteer's own. */
async function placesOf(proposal: { volunteerId: string; offerId?: string }): Promise<PlaceHolder[]> {
  const [offer, profile] = await Promise.all([
    proposal.offerId ? runningOffer(proposal.offerId) : Promise.resolve(undefined),
    findProfile(proposal.volunteerId),
  ]);
  const places: PlaceHolder[] = [];
  if (proposal.offerId && offer)
    places.push({
      holder: `offer:${proposal.offerId}`,
      field: 'offerId',
      id: proposal.offerId,
      limit: offer.places,
    });
  places.push({
    holder: `volunteer:${proposal.volunteerId}`,
    field: 'volunteerId',
    id: proposal.volunteerId,
    limit: profile?.maxChildren ?? 1,
  });
  return places;
}

/**
 * Claims the proposal's places before its match is written (see place-slots.ts): all of them, or none.
 * Returns the holders claimed, to be checked again once the match exists, or why not.
 */
export async function holdPlaces(
  proposal: { volunteerId: string; offerId?: string },
  matchId: string,
): Promise<{ outcome: PlacesOutcome; holders: string[] }> {
  const places = await placesOf(proposal);
  for (const place of places) {
    const claimed = await claimPlace(place, matchId);
    if (claimed !== 'claimed') {
      await releasePlaces(matchId);
      const outcome = claimed === 'busy' ? 'busy' : place.field === 'offerId' ? 'no-free-place' : 'at-limit';
      return { outcome, holders: [] };
    }
  }
  return { outcome: 'claimed', holders: places.map((place) => place.holder) };
}

export { releasePlaces, stillHoldsPlaces };
