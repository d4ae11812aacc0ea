import { listOnboardedMunicipalities } from '../municipalities/index.js';
import { describeOrganisations, ORGANISATIONS_TOPIC } from '../organisations/index.js';
import { announceWrite, createReadModel, type Loaded } from '../../shared/db/index.js';
import { OfferModel } from './offer-model.js';
import { placesInUse } from './places-in-use.js';

/** The topic local writes to offers announce (matching's candidate read model listens too). */
export const OFFERS_TOPIC = 'offers';

// What a marketplace row needs. The address and the adults are never read for the marketplace at all.
const LIST_FIELDS = {
  organisationId: 1,
  municipalityCode: 1,
  lat: 1,
  lon: 1,
  title: 1,
  description: 1,
  postcode: 1,
  category: 1,
  tags: 1,
  ageMin: 1,
  ageMax: 1,
  schedule: 1,
  weekdays: 1,
  places: 1,
  languages: 1,
  accessibility: 1,
  status: 1,
  endsOn: 1,
} as const;

export interface ListedOffer {
  _id: unknown;
  organisationId: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  title: string;
  description: string;
  postcode: string;
  category: string;
  tags: string[];
  ageMin: number;
  ageMax: number;
  schedule: Array<{ weekday: number; from: string; to: string }>;
  weekdays: number[];
  places: number;
  languages: string[];
  accessibility?: string | null;
  status: string;
  endsOn?: Date | null;
}

/** Bounds memory whatever the data: far above what one platform holds (the page says when it is reached). */
export const MAX_LISTED = 20_000;

export interface ListedOrganisation {
  name: string;
  kind: string;
  activeIn: string[];
}

/** Everything the marketplace list shows, read together so that one request reads nothing else. */
export interface MarketplaceData {
  offers: ListedOffer[];
  organisations: Map<string, ListedOrganisation>;
  placesInUse: Map<string, number>;
  municipalities: Array<{ code: string; name: string }>;
}

async function loadMarketplace(): Promise<MarketplaceData> {
  const [offers, municipalities] = await Promise.all([
    OfferModel.find({ status: 'active' }, LIST_FIELDS).limit(MAX_LISTED).lean<ListedOffer[]>().exec(),
    listOnboardedMunicipalities(),
  ]);
  const [organisations, inUse] = await Promise.all([
    describeOrganisations(offers.map((offer) => offer.organisationId)),
    placesInUse(offers.map((offer) => String(offer._id))),
  ]);
  return {
    offers,
    organisations,
    placesInUse: inUse,
    municipalities: municipalities.map(({ code, name }) => ({ code, name })),
  };
}

/**
 * The marketplace list's read model: one key, at most READ_BOUNDS.marketplace old (another instance's
 * pause, an organisation's suspension or a place taken shows within it); this instance's own writes to
 * offers and organisations show on the next read.
 *
 * Why not one filtered query per search: FerretDB 1.24 on SQLite pushes down only `_id` equality, so
 * every other query decodes a whole collection, seconds per request at 5,000 offers. The offer's details
 * page and every write read exactly.
 */
const readModel = createReadModel<MarketplaceData>({
  bound: 'marketplace',
  load: loadMarketplace,
  capacity: 1,
  topics: [OFFERS_TOPIC, ORGANISATIONS_TOPIC],
  afterWrite: 'wait',
});

export function marketplaceData(): Promise<Loaded<MarketplaceData>> {
  return readModel.get('all');
}

/** Called after every write to offers in this instance, with the offer's municipality. */
export function announceOfferWrite(municipalityCode: string): void {
  announceWrite(OFFERS_TOPIC, municipalityCode);
}
