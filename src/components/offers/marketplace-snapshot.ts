import { announceWrite, createReadSnapshot } from '../../shared/db/index.js';
import { OfferModel } from './offer-model.js';

/** The topic local writes to offers announce (matching's candidate snapshot listens too). */
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

/** After this long a read starts a refresh in the background (the old rows serve meanwhile). */
export const SNAPSHOT_FRESH_MS = 15_000;
/** Bounds memory whatever the data: far above what one platform holds (the page says when it is reached). */
export const MAX_SNAPSHOT = 20_000;

// Every local write to offers announces "offers" (invalidateMarketplace), which empties this snapshot.
const snapshot = createReadSnapshot<ListedOffer[]>({
  load: () =>
    OfferModel.find({ status: 'active' }, LIST_FIELDS).limit(MAX_SNAPSHOT).lean<ListedOffer[]>().exec(),
  freshMs: SNAPSHOT_FRESH_MS,
  maxKeys: 1,
  topics: [OFFERS_TOPIC],
});

/**
 * The active offers, as rows for the marketplace, read once and refreshed in the background every
 * few seconds per instance (stale-while-revalidate).
 *
 * Why not one filtered query per search: FerretDB 1.24 on SQLite pushes down only `_id` equality (checked
 * with explain), so every other offers query decodes the whole collection, 1–5 s at 5,000 offers on a
 * busy machine, and a page that waits for that cannot serve the public. One shared read keeps the page
 * fast on both engines. What must be exact is still decided per request: running (end date), the
 * organisation's approval, free places; and the details page reads the offer itself. Another instance's
 * changes show within SNAPSHOT_FRESH_MS plus one read; this instance's own writes show at once.
 */
export function activeOffers(now = Date.now()): Promise<ListedOffer[]> {
  return snapshot.get('all', now);
}

/** Called after every write to offers in this instance: every snapshot of offers waits for a fresh read. */
export function invalidateMarketplace(): void {
  announceWrite(OFFERS_TOPIC);
}
