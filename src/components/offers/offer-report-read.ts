import { OfferModel } from './offer-model.js';
import { freePlaces, isRunning } from './offer-rules.js';
import { placesInUse } from './places-in-use.js';

/** Bounds one read whatever the data (a large municipality has a few hundred offers). */
const MAX_REPORTED_OFFERS = 20_000;

/** What the municipality's supply report needs of an offer: never its address or adults. */
export interface ReportedOffer {
  organisationId: string;
  postcode: string;
  category: string;
  tags: string[];
  places: number;
  freePlaces: number;
}

/**
 * The running offers placed in a municipality, with their free places counted from the matches now (as
 * the marketplace counts them). The code comes from the administrator's session.
 */
export async function runningOffersIn(municipalityCode: string, now = new Date()): Promise<ReportedOffer[]> {
  const rows = await OfferModel.find(
    { municipalityCode, status: 'active' },
    { organisationId: 1, postcode: 1, category: 1, tags: 1, places: 1, status: 1, endsOn: 1 },
  )
    .limit(MAX_REPORTED_OFFERS)
    .lean<
      Array<{
        _id: unknown;
        organisationId: string;
        postcode: string;
        category: string;
        tags: string[];
        places: number;
        status: string;
        endsOn?: Date | null;
      }>
    >();
  const running = rows.filter((offer) => isRunning(offer, now));
  const inUse = await placesInUse(running.map((offer) => String(offer._id)));
  return running.map((offer) => ({
    organisationId: offer.organisationId,
    postcode: offer.postcode,
    category: offer.category,
    tags: offer.tags,
    places: offer.places,
    freePlaces: freePlaces(offer.places, inUse.get(String(offer._id)) ?? 0),
  }));
}
