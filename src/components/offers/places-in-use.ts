/**
 * How many places of each offer are taken right now. Matching owns the matches and
 * sits above offers, so offers cannot import it; instead matching registers a provider here at start-up
 * (dependency inversion, like accounts' onInvitationAccepted). The count is always derived from the
 * active matches, never kept as a counter on the offer: concurrent writers on FerretDB would make a
 * counter drift.
 */
export type PlacesInUseProvider = (offerIds: string[]) => Promise<Map<string, number>>;

let provider: PlacesInUseProvider | undefined;

/** Called by the component that owns matches; a second call replaces the first (tests swap providers). */
export function registerPlacesInUse(next: PlacesInUseProvider | undefined): void {
  provider = next;
}

/** Places in use per offer id; without a provider there are no matches yet, so every offer has 0. */
export async function placesInUse(offerIds: string[]): Promise<Map<string, number>> {
  if (!provider || offerIds.length === 0) return new Map();
  return provider(offerIds);
}
