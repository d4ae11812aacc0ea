// Seeds the bench app's database with 5,000 offers spread over Danish postcodes, for the marketplace
// scenario. It writes with the driver straight into the running app's embedded database (the app reads
// them like any others); the offer documents come from the offers component's own offerDocument(), so
// municipality, centroid and weekdays are derived as the app derives them.
import { MongoClient, ObjectId } from 'mongodb';
import { APP_DATABASE_NAME, databaseNameFor } from '../../src/shared/db/index.js';
import { offerDocument, OFFER_CATEGORIES } from '../../src/components/offers/index.js';
import { MUNICIPALITIES, POSTCODES } from '../../src/components/geography/index.js';

export const BENCH_OFFERS = 5000;

/** One approved organisation per municipality, so every seeded offer is visible in the marketplace. */
function organisations(now: Date) {
  return MUNICIPALITIES.flatMap((municipality) => {
    const postcode = POSTCODES.find((entry) => entry.municipalityCode === municipality.code);
    if (!postcode) return [];
    return [
      {
        _id: new ObjectId(),
        name: `Benchforening ${municipality.name}`,
        kind: 'association',
        description: 'Seeded by npm run bench.',
        postcode: postcode.postcode,
        municipalityCodes: [municipality.code],
        approvals: [{ municipalityCode: municipality.code, decision: 'approved' }],
        status: 'approved',
        activeIn: [municipality.code],
        createdAt: now,
        updatedAt: now,
      },
    ];
  });
}

/** Inserts the organisations and offers; returns how many offers went in. */
export async function seedMarketplace(databaseUri: string, count = BENCH_OFFERS): Promise<number> {
  const client = await MongoClient.connect(databaseUri, { serverSelectionTimeoutMS: 5000 });
  try {
    // The app's own database: the announced URI names none, and the driver would pick `test`.
    const db = client.db(databaseNameFor(databaseUri, APP_DATABASE_NAME));
    const now = new Date();
    const orgs = organisations(now);
    await db.collection('organisations').insertMany(orgs);
    const byMunicipality = new Map(orgs.map((org) => [org.municipalityCodes[0], String(org._id)]));
    const places = POSTCODES.filter((entry) => byMunicipality.has(entry.municipalityCode));
    const offers = Array.from({ length: count }, (_, n) => {
      const place = places[n % places.length];
      const ageMin = 5 + (n % 9);
      const weekday = 1 + (n % 7);
      return {
        ...offerDocument(byMunicipality.get(place.municipalityCode)!, {
          title: `Tilbud ${String(n).padStart(4, '0')} i ${place.name}`,
          category: OFFER_CATEGORIES[n % OFFER_CATEGORIES.length],
          tags: ['bench'],
          description: 'Et tilbud til målingen af tilbudstorvet.',
          ageMin,
          ageMax: ageMin + 4,
          schedule: [{ weekday, from: '16:00', to: '17:30' }],
          postcode: place.postcode,
          places: 1 + (n % 3),
          languages: ['dansk'],
        }),
        createdAt: now,
        updatedAt: now,
      };
    });
    for (let start = 0; start < offers.length; start += 500) {
      await db.collection('offers').insertMany(offers.slice(start, start + 500));
    }
    // Written behind the app's back: move the offers' change marker as every offer write does.
    await db
      .collection<{ _id: string }>('changemarkers')
      .updateOne(
        { _id: 'offers' },
        { $set: { token: `bench-${Date.now()}`, at: new Date() } },
        { upsert: true },
      );
    return offers.length;
  } finally {
    await client.close();
  }
}
