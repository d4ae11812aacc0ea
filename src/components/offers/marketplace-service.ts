import { LRUCache } from 'lru-cache';
import { Types } from 'mongoose';
import { findPostcode } from '../geography/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { OfferModel } from './offer-model.js';
import {
  marketplaceData,
  MAX_LISTED,
  type ListedOffer,
  type ListedOrganisation,
  type MarketplaceData,
} from './marketplace-read-model.js';
import {
  boundingBox,
  distanceKm,
  fitsAge,
  freePlaces,
  isRunning,
  startOfDay,
  type Point,
} from './offer-rules.js';
import type { MarketplaceQuery } from './offer-schemas.js';
import { placesInUse } from './places-in-use.js';

const PAGE_SIZE = 20;
/** Distance used when a postcode is given without one. */
export const DEFAULT_DISTANCE_KM = 25;

type Filters = Omit<MarketplaceQuery, 'side'>;
type Box = ReturnType<typeof boundingBox>;
type Organisations = Map<string, ListedOrganisation>;

/** Every filter but distance and approval; the box is a cheap pre-check before the exact distance. */
function matches(offer: ListedOffer, filters: Filters, box: Box | undefined, now: Date): boolean {
  if (!isRunning(offer, now)) return false;
  if (filters.kommune && offer.municipalityCode !== filters.kommune) return false;
  if (filters.kategori && offer.category !== filters.kategori) return false;
  if (filters.ugedag && !offer.weekdays.includes(filters.ugedag)) return false;
  if (filters.alder !== undefined && !fitsAge(offer, filters.alder)) return false;
  if (box && (offer.lat < box.minLat || offer.lat > box.maxLat)) return false;
  if (box && (offer.lon < box.minLon || offer.lon > box.maxLon)) return false;
  return true;
}

/**
 * Running offers of organisations approved (and not suspended) in the offer's own municipality that fit
 * the filters: nearest first when measuring from a postcode, otherwise by title. Everything comes from
 * the marketplace read model (within its bound); nothing is read per request.
 */
function visibleOffers(data: MarketplaceData, filters: Filters, centre: Point | undefined, now: Date) {
  const maxKm = filters.afstand ?? DEFAULT_DISTANCE_KM;
  const box = centre ? boundingBox(centre, maxKm) : undefined;
  return data.offers
    .filter((offer) => matches(offer, filters, box, now))
    .filter((offer) =>
      data.organisations.get(offer.organisationId)?.activeIn.includes(offer.municipalityCode),
    )
    .map((offer) => ({ offer, distance: centre ? distanceKm(centre, offer) : undefined }))
    .filter(({ distance }) => distance === undefined || distance <= maxKm)
    .sort((a, b) =>
      a.distance !== undefined && b.distance !== undefined && a.distance !== b.distance
        ? a.distance - b.distance
        : a.offer.title.localeCompare(b.offer.title, 'da'),
    );
}

/** What the marketplace shows of an offer: never the adults nor the address (only after a match). */
function describe(
  rows: Array<{ offer: ListedOffer; distance?: number }>,
  organisations: Organisations,
  inUse: Map<string, number>,
) {
  return rows.flatMap(({ offer, distance }) => {
    const id = String(offer._id);
    const organisation = organisations.get(offer.organisationId);
    if (!organisation) return [];
    return [
      {
        id,
        title: offer.title,
        description: offer.description,
        organisationName: organisation.name,
        organisationKind: organisation.kind,
        postcode: offer.postcode,
        town: findPostcode(offer.postcode)?.name ?? '',
        category: offer.category,
        tags: offer.tags,
        ageMin: offer.ageMin,
        ageMax: offer.ageMax,
        schedule: offer.schedule.map(({ weekday, from, to }) => ({ weekday, from, to })),
        places: offer.places,
        free: freePlaces(offer.places, inUse.get(id) ?? 0),
        languages: offer.languages,
        accessibility: offer.accessibility ?? undefined,
        endsOn: offer.endsOn ?? undefined,
        distanceKm: distance === undefined ? undefined : Math.round(distance * 10) / 10,
      },
    ];
  });
}

/** The marketplace read model's value (within its bound): one request reads it once and uses it throughout. */
export function loadedMarketplace() {
  return marketplaceData();
}

// The same search on the same read model gives the same page: kept per loaded value (a new load starts
// afresh), for the searches people repeat (the unfiltered list, their own municipality).
const searches = new WeakMap<MarketplaceData, LRUCache<string, ReturnType<typeof searchIn>>>();

/** One page of the marketplace for the filters in `data`; pages past the end are the last page. */
export function searchMarketplace(data: MarketplaceData, query: MarketplaceQuery, now = new Date()) {
  let cached = searches.get(data);
  if (!cached) {
    cached = new LRUCache({ max: 500 });
    searches.set(data, cached);
  }
  const key = JSON.stringify([marketplaceDay(now), query]);
  let result = cached.get(key);
  if (!result) {
    result = searchIn(data, query, now);
    cached.set(key, result);
  }
  return result;
}

/** Whether an offer still runs changes by the day, so the day is part of any kept search or page. */
export function marketplaceDay(now = new Date()): number {
  return startOfDay(now).getTime();
}

function searchIn(data: MarketplaceData, query: MarketplaceQuery, now: Date) {
  const place = query.postnummer ? findPostcode(query.postnummer) : undefined;
  const centre = place ? { lat: place.lat, lon: place.lon } : undefined;
  const visible = visibleOffers(data, query, centre, now);
  const pages = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
  const page = Math.min(query.side, pages);
  const shown = visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const offers = describe(shown, data.organisations, data.placesInUse);
  return { offers, total: visible.length, page, pages, capped: data.offers.length >= MAX_LISTED };
}

/** One offer as the marketplace shows it, or undefined when it is not (or no longer) visible there. */
export async function findMarketplaceOffer(offerId: string, now = new Date()) {
  if (!/^[0-9a-f]{24}$/.test(offerId) || !Types.ObjectId.isValid(offerId)) return undefined;
  // Read from the database, not the read model: a paused offer's page is gone at once.
  const offer = await OfferModel.findById(offerId, { adultIds: 0, address: 0 }).lean<ListedOffer>();
  if (!offer || !isRunning(offer, now)) return undefined;
  // The details page reads exactly: the organisation's approval and the free places as they are now.
  const [organisations, inUse] = await Promise.all([
    describeOrganisations([offer.organisationId]),
    placesInUse([offerId]),
  ]);
  if (!organisations.get(offer.organisationId)?.activeIn.includes(offer.municipalityCode)) return undefined;
  return describe([{ offer }], organisations, inUse)[0];
}
