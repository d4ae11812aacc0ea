import { trusted } from 'mongoose';
import { findPostcode } from '../geography/index.js';
import { OfferModel } from './offer-model.js';

/** Where and when an offer meets: what an accepted proposal and the family's receipt name. */
export interface OfferMeeting {
  title: string;
  schedule: Array<{ weekday: number; from: string; to: string }>;
  /** The street address (shown only once a match is accepted) and the postcode's town. */
  place: string;
}

/** The meeting facts of these offers, in one `$in` read by `_id` (a page names a handful). */
export async function offerMeetings(offerIds: readonly string[]): Promise<Map<string, OfferMeeting>> {
  const ids = [...new Set(offerIds)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  if (ids.length === 0) return new Map();
  const offers = await OfferModel.find(
    { _id: trusted({ $in: ids }) },
    { title: 1, schedule: 1, address: 1, postcode: 1 },
  ).lean();
  return new Map(
    offers.map((offer) => {
      const town = `${offer.postcode} ${findPostcode(offer.postcode)?.name ?? ''}`.trim();
      return [
        String(offer._id),
        {
          title: offer.title,
          schedule: offer.schedule.map(({ weekday, from, to }) => ({ weekday, from, to })),
          place: offer.address ? `${offer.address}, ${town}` : town,
        },
      ];
    }),
  );
}
