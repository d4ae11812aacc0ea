import { trusted, Types } from 'mongoose';
import { OfferModel } from './offer-model.js';
import { isRunning } from './offer-rules.js';

// What candidate search needs of an offer: place, ages, schedule, places and its adults (never the address).
const MATCHING_FIELDS = {
  organisationId: 1,
  title: 1,
  category: 1,
  tags: 1,
  ageMin: 1,
  ageMax: 1,
  schedule: 1,
  postcode: 1,
  lat: 1,
  lon: 1,
  places: 1,
  languages: 1,
  adultIds: 1,
  status: 1,
  endsOn: 1,
} as const;

export interface MatchingOffer {
  _id: unknown;
  organisationId: string;
  title: string;
  category: string;
  tags: string[];
  ageMin: number;
  ageMax: number;
  schedule: Array<{ weekday: number; from: string; to: string }>;
  postcode: string;
  lat: number;
  lon: number;
  places: number;
  languages: string[];
  adultIds: string[];
  status: string;
  endsOn?: Date | null;
}

/** Bounds one read whatever the data. */
const MAX_MATCHING_OFFERS = 100_000;

/**
 * The running offers of these organisations, with their adults, for matching's candidate read model.
 * (On FerretDB this decodes the offers collection once; matching keeps the result in a bounded read model.)
 */
export async function runningOffersOf(
  organisationIds: readonly string[],
  now = new Date(),
): Promise<MatchingOffer[]> {
  if (organisationIds.length === 0) return [];
  const rows = await OfferModel.find(
    { status: 'active', organisationId: trusted({ $in: [...new Set(organisationIds)] }) },
    MATCHING_FIELDS,
  )
    .limit(MAX_MATCHING_OFFERS)
    .lean<MatchingOffer[]>();
  return rows.filter((offer) => isRunning(offer, now));
}

/** One running offer read from the database (by `_id`: exact and cheap), or undefined. */
export async function runningOffer(offerId: string, now = new Date()): Promise<MatchingOffer | undefined> {
  if (!/^[0-9a-f]{24}$/.test(offerId) || !Types.ObjectId.isValid(offerId)) return undefined;
  const offer = await OfferModel.findById(offerId, MATCHING_FIELDS).lean<MatchingOffer>();
  return offer && isRunning(offer, now) ? offer : undefined;
}

/** The titles of these offers (what a proposal's activity is called), in one `$in` read by `_id`. */
export async function offerTitles(offerIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(offerIds)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  if (ids.length === 0) return new Map();
  const offers = await OfferModel.find({ _id: trusted({ $in: ids }) }, { title: 1 }).lean();
  return new Map(offers.map((offer) => [String(offer._id), offer.title]));
}
