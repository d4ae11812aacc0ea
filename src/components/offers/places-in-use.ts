import { seam, wired } from '../../shared/wiring/index.js';

/**
 * How many places of each offer are taken right now. Matching owns the matches and
 * sits above offers, so offers cannot import it; instead matching fills this seam where the app is
 * assembled. The count is always derived from the
 * active matches, never kept as a counter on the offer: concurrent writers on FerretDB would make a
 * counter drift.
 */
export type PlacesInUseProvider = (offerIds: string[]) => Promise<Map<string, number>>;

export const placesInUseSeam = seam<PlacesInUseProvider>('offers.places-in-use');

/** Places in use per offer id; without a provider there are no matches yet, so every offer has 0. */
export async function placesInUse(offerIds: string[]): Promise<Map<string, number>> {
  const provider = wired(placesInUseSeam);
  if (!provider || offerIds.length === 0) return new Map();
  return provider(offerIds);
}
