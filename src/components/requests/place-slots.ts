import { trusted } from 'mongoose';
import { databaseNow, isDuplicateKeyError } from '../../shared/db/index.js';
import { MatchModel } from './match-model.js';
import { PLACE_HOLDING_STATES, type MatchState } from './match-rules.js';
import { PlaceSlotModel } from './place-slot-model.js';

/** A slot whose match has not appeared this long after the claim belongs to a proposal that died. */
const IN_FLIGHT_SLOT_MS = 60_000;

export interface PlaceHolder {
  /** `offer:<id>` or `volunteer:<id>`. */
  holder: string;
  field: 'offerId' | 'volunteerId';
  id: string;
  limit: number;
}

export type SlotClaim = 'claimed' | 'full' | 'busy';

type Slot = { _id: unknown; number: number; matchId: string; claimedAt: Date };

/**
 * Which slots still hold a place: their match holds one (read now, by id, so a match written since the
 * first read counts), or it is still being written and the claim is young enough.
 */
async function classify(slots: Slot[], holding: Set<string>, now: Date) {
  const unheld = slots.filter((slot) => !holding.has(slot.matchId));
  const written = await MatchModel.find(
    { _id: trusted({ $in: unheld.map((slot) => slot.matchId) }) },
    { state: 1 },
  ).lean();
  const states = new Map(written.map((match) => [String(match._id), match.state as MatchState]));
  const holds = (slot: Slot) => {
    if (holding.has(slot.matchId)) return true;
    const state = states.get(slot.matchId);
    if (state) return PLACE_HOLDING_STATES.includes(state);
    return now.getTime() - slot.claimedAt.getTime() < IN_FLIGHT_SLOT_MS;
  };
  const live = slots.filter(holds);
  return { live, stale: slots.filter((slot) => !live.includes(slot)) };
}

/**
 * Claims one place of `place` for the match about to be written. Numbers run from 1 to the limit less
 * the places held by matches from before slots existed, so the numbered slots can never add up to more
 * than the limit, whatever each claimer saw; two claimers of the same number are told apart by the unique
 * insert, and the loser looks again. A stale slot at the chosen number (its match ended, or never appeared)
 * is removed first, by its own id, so a live one is never removed.
 */
export async function claimPlace(place: PlaceHolder, matchId: string): Promise<SlotClaim> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const now = await databaseNow();
    const [holdingMatches, slots] = await Promise.all([
      MatchModel.find({ [place.field]: place.id, state: trusted({ $in: PLACE_HOLDING_STATES }) }, { _id: 1 })
        .limit(1000)
        .lean(),
      PlaceSlotModel.find({ holder: place.holder }).limit(1000).lean<Slot[]>(),
    ]);
    const holding = new Set(holdingMatches.map((match) => String(match._id)));
    const { live, stale } = await classify(slots, holding, now);
    const slotted = new Set(slots.map((slot) => slot.matchId));
    const withoutSlot = [...holding].filter((id) => !slotted.has(id)).length;
    const taken = new Set(live.map((slot) => slot.number));
    let number = 0;
    for (let candidate = 1; candidate <= place.limit - withoutSlot; candidate += 1) {
      if (!taken.has(candidate)) {
        number = candidate;
        break;
      }
    }
    if (number === 0) return 'full';
    const staleHere = stale.find((slot) => slot.number === number);
    if (staleHere) await PlaceSlotModel.deleteOne({ _id: staleHere._id, matchId: staleHere.matchId });
    try {
      await PlaceSlotModel.create({ holder: place.holder, number, matchId, claimedAt: now });
      return 'claimed';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return 'busy';
}

/** Gives back the slots a proposal claimed when it is not written after all. */
export async function releasePlaces(matchId: string): Promise<void> {
  await PlaceSlotModel.deleteMany({ matchId });
}

/** Whether every slot the proposal claimed is still its own (none was taken over while it stalled). */
export async function stillHoldsPlaces(matchId: string, holders: string[]): Promise<boolean> {
  const held = await PlaceSlotModel.countDocuments({ matchId, holder: trusted({ $in: holders }) });
  return held === holders.length;
}
