import { trusted } from 'mongoose';
import { MatchModel } from './match-model.js';
import { PLACE_HOLDING_STATES } from './match-rules.js';

async function countBy(field: 'offerId' | 'volunteerId', ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  // Counted from the matches themselves (no counter: concurrent writers on FerretDB would make one drift).
  const matches = await MatchModel.find(
    { [field]: trusted({ $in: [...new Set(ids)] }), state: trusted({ $in: PLACE_HOLDING_STATES }) },
    { offerId: 1, volunteerId: 1 },
  )
    .limit(20_000)
    .lean<Array<{ offerId?: string; volunteerId: string }>>();
  for (const match of matches) {
    const key = match[field];
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Both counts at once, for the candidates that pass every other filter: one read of the matches holding a
 * place (on FerretDB each read decodes every match, so two reads would cost twice as much).
 */
export async function placeCounts(
  volunteerIds: readonly string[],
  offerIds: readonly string[],
): Promise<{ loads: Map<string, number>; inUse: Map<string, number> }> {
  const loads = new Map<string, number>();
  const inUse = new Map<string, number>();
  const volunteers = [...new Set(volunteerIds)];
  const offers = [...new Set(offerIds)];
  const either = [
    ...(volunteers.length > 0 ? [{ volunteerId: trusted({ $in: volunteers }) }] : []),
    ...(offers.length > 0 ? [{ offerId: trusted({ $in: offers }) }] : []),
  ];
  if (either.length === 0) return { loads, inUse };
  const matches = await MatchModel.find(
    { $or: either, state: trusted({ $in: PLACE_HOLDING_STATES }) },
    { offerId: 1, volunteerId: 1 },
  )
    .limit(40_000)
    .lean<Array<{ offerId?: string; volunteerId: string }>>();
  const wantedVolunteer = new Set(volunteers);
  const wantedOffer = new Set(offers);
  for (const { volunteerId, offerId } of matches) {
    if (wantedVolunteer.has(volunteerId)) loads.set(volunteerId, (loads.get(volunteerId) ?? 0) + 1);
    if (offerId && wantedOffer.has(offerId)) inUse.set(offerId, (inUse.get(offerId) ?? 0) + 1);
  }
  return { loads, inUse };
}

/** Places in use per offer: matches proposed, accepted, awaiting consent, active or paused (offers' provider). */
export function placesInUseByOffer(offerIds: string[]): Promise<Map<string, number>> {
  return countBy('offerId', offerIds);
}

/**
 * Children each volunteer has now (proposed, accepted, awaiting consent, active or paused), for capacity
 * (volunteers' canTakeChild). A proposal holds its place from the moment it is made.
 */
export function activeMatchCountsByVolunteer(userIds: string[]): Promise<Map<string, number>> {
  return countBy('volunteerId', userIds);
}

/**
 * The places taken before this match, for its re-check at acceptance and activation (an exact read):
 * every other place-holding match of the volunteer (or offer) that has moved past the proposal, and
 * the proposals made before it. Of two proposals racing to acceptance, the later one always counts the
 * earlier, so both can never hold the same last place.
 */
export async function placesTakenBefore(
  field: 'offerId' | 'volunteerId',
  id: string,
  matchId: string,
): Promise<number> {
  const matches = await MatchModel.find(
    { [field]: id, state: trusted({ $in: PLACE_HOLDING_STATES }) },
    { state: 1 },
  )
    .limit(1000)
    .lean();
  return matches.filter((match) => {
    const other = String(match._id);
    return other !== matchId && (match.state !== 'proposed' || other < matchId);
  }).length;
}
