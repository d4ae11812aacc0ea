import { model, Schema } from 'mongoose';

/**
 * A numbered place of an offer (`offer:<id>`) or of a volunteer (`volunteer:<id>`), claimed by a proposal
 * with a unique (holder, number) insert. Counting places and then writing a proposal are two steps that
 * concurrent proposals pass together; the insert is the one step both engines let only one of them take.
 * The slot only decides: whether a place is in use is still read from the match that holds it, so a slot
 * whose match ended (or never got written) is free to be taken over.
 */
const placeSlotSchema = new Schema(
  {
    holder: { type: String, required: true },
    number: { type: Number, required: true, min: 1 },
    matchId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

placeSlotSchema.index({ holder: 1, number: 1 }, { unique: true });
placeSlotSchema.index({ matchId: 1 });

export const PlaceSlotModel = model('PlaceSlot', placeSlotSchema, 'place_slots');
