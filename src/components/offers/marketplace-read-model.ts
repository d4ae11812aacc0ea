import { listOnboardedMunicipalities } from '../municipalities/index.js';
import { describeOrganisations, ORGANISATIONS_TOPIC } from '../organisations/index.js';
import {
  announceWrite,
  changeToken,
  createReadModel,
  markChanged,
  type Loaded,
} from '../../shared/db/index.js';
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
  /** The offers' change token when they were read, and when that was (see loadOffers). */
  offersToken: string;
  offersReadAt: number;
  organisations: Map<string, ListedOrganisation>;
  placesInUse: Map<string, number>;
  municipalities: Array<{ code: string; name: string }>;
}

// Even without a change marker moving, the offers are read in full this often.
const FULL_READ_MS = 5 * 60_000;

/**
 * The active offers: re-read only when their change marker moved since the last read (every write to
 * offers moves it, on any instance, after writing), or in full every FULL_READ_MS. Reading 5,000 offers
 * decodes the whole collection on FerretDB (seconds); checking the marker is one `_id` read.
 */
async function loadOffers(previous: MarketplaceData | undefined) {
  const token = await changeToken(OFFERS_TOPIC);
  if (previous && previous.offersToken === token && Date.now() - previous.offersReadAt < FULL_READ_MS) {
    return { offers: previous.offers, offersToken: token, offersReadAt: previous.offersReadAt };
  }
  const readAt = Date.now();
  const offers = await OfferModel.find({ status: 'active' }, LIST_FIELDS)
    .limit(MAX_LISTED)
    .lean<ListedOffer[]>()
    .exec();
  return { offers, offersToken: token, offersReadAt: readAt };
}

function sameEntries<V>(a: Map<string, V>, b: Map<string, V>, same: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !same(value, other)) return false;
  }
  return true;
}

const sameOrganisation = (a: ListedOrganisation, b: ListedOrganisation) =>
  a.name === b.name && a.kind === b.kind && a.activeIn.join() === b.activeIn.join();

/** Whether a fresh load read exactly what the previous value holds (the offers themselves unchanged). */
function sameAsBefore(previous: MarketplaceData, next: Omit<MarketplaceData, 'offersReadAt'>): boolean {
  return (
    previous.offers === next.offers &&
    sameEntries(previous.organisations, next.organisations, sameOrganisation) &&
    sameEntries(previous.placesInUse, next.placesInUse, (a, b) => a === b) &&
    previous.municipalities.map((m) => `${m.code}:${m.name}`).join() ===
      next.municipalities.map((m) => `${m.code}:${m.name}`).join()
  );
}

/**
 * Organisations, free places and municipalities are small reads: they are read on every load. When a
 * load reads exactly what the previous value holds, the previous value is kept (confirmed by this load),
 * so the searches and rendered pages kept for it stay in use instead of being computed again.
 */
async function loadMarketplace(_key: string, previous?: MarketplaceData): Promise<MarketplaceData> {
  const [offers, municipalities] = await Promise.all([loadOffers(previous), listOnboardedMunicipalities()]);
  const [organisations, inUse] = await Promise.all([
    describeOrganisations(offers.offers.map((offer) => offer.organisationId)),
    placesInUse(offers.offers.map((offer) => String(offer._id))),
  ]);
  const next = {
    ...offers,
    organisations,
    placesInUse: inUse,
    municipalities: municipalities.map(({ code, name }) => ({ code, name })),
  };
  return previous && sameAsBefore(previous, next) ? previous : next;
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

/**
 * Called after every write to offers, with the offer's municipality: moves the offers' change marker
 * (so every instance re-reads them within its bound) and tells this instance's read models at once.
 */
export async function announceOfferWrite(municipalityCode: string): Promise<void> {
  await markChanged(OFFERS_TOPIC);
  announceWrite(OFFERS_TOPIC, municipalityCode);
}
