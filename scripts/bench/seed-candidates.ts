// Seeds volunteers for the candidates scenario into the demo municipality (Jammerbugt, 0849) of the
// bench app's embedded database: per volunteer a user, a profile, an active membership and a vetting
// record; every tenth also the adult of an offer; one organisation per hundred volunteers (every tenth
// a faith community). Written with the driver in batches (insertMany), growing from one size to the next.
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { APP_DATABASE_NAME, databaseNameFor } from '../../src/shared/db/index.js';
import { POSTCODES } from '../../src/components/geography/index.js';
import { offerDocument } from '../../src/components/offers/index.js';
import { demoVettingFacts } from '../../src/demo/demo-vetting.js';

export const BENCH_MUNICIPALITY = '0849';
const BATCH = 1000;
const INTERESTS = [
  'fodbold',
  'tegning',
  'håndbold',
  'lektiehjælp',
  'musik',
  'natur',
  'skak',
  'svømning',
  'madlavning',
  'gaming',
];
const GENDERS = ['female', 'male', 'other', undefined] as const;
// Postcodes of Jammerbugt and around it: some within 25 km of Pandrup, some beyond.
const PLACES = POSTCODES.filter((place) =>
  ['0849', '0851', '0846', '0860', '0813'].includes(place.municipalityCode),
);

function organisation(n: number, now: Date) {
  return {
    _id: new ObjectId(),
    name: `Benchkandidatforening ${n}`,
    kind: n % 10 === 9 ? 'faith' : 'association',
    description: 'Seeded by npm run bench (candidates).',
    postcode: '9490',
    municipalityCodes: [BENCH_MUNICIPALITY],
    approvals: [{ municipalityCode: BENCH_MUNICIPALITY, decision: 'approved' }],
    status: 'approved',
    activeIn: [BENCH_MUNICIPALITY],
    writeVersion: 0,
    createdAt: now,
    updatedAt: now,
  };
}

function volunteer(n: number, organisationId: string, now: Date) {
  const userId = new ObjectId();
  const id = String(userId);
  const place = PLACES[n % PLACES.length]!;
  const gender = GENDERS[n % GENDERS.length];
  const user = {
    _id: userId,
    email: `kandidat${n}@bench.invalid`,
    name: `Kandidat${n} Bench`,
    language: 'da',
    passwordHash: 'not-a-login',
    status: 'active',
    emailVerifiedAt: now,
    roles: [{ role: 'volunteer', active: true, grantedAt: now }],
    sessionEpoch: `bench-${n}`,
    recoveryCodeHashes: [],
    createdAt: now,
    updatedAt: now,
  };
  const profile = {
    userId: id,
    interests: [INTERESTS[n % INTERESTS.length]!, INTERESTS[(n * 7 + 3) % INTERESTS.length]!],
    skills: [],
    languages: n % 6 === 0 ? ['da', 'ar'] : ['da'],
    postcode: place.postcode,
    municipalityCode: place.municipalityCode,
    lat: place.lat,
    lon: place.lon,
    availability: [{ weekday: 1 + (n % 5), from: '15:00', to: '18:00' }],
    frequency: 'weekly',
    maxChildren: 1 + (n % 2),
    presentation: '',
    status: n % 20 === 0 ? 'paused' : 'active',
    ...(gender ? { gender } : {}),
    createdAt: now,
    updatedAt: now,
  };
  const membership = {
    organisationId,
    userId: id,
    status: 'active',
    history: [{ status: 'active', by: id, at: now }],
    createdAt: now,
    updatedAt: now,
  };
  const facts = demoVettingFacts(n % 7 === 0 ? 'missing-training' : 'vetted', id, now);
  const vetting = {
    organisationId,
    userId: id,
    ...facts,
    references: facts.references ?? [],
    writeVersion: 0,
    createdAt: now,
    updatedAt: now,
  };
  const offer =
    n % 10 === 0
      ? {
          ...offerDocument(organisationId, {
            title: `Kandidattilbud ${n}`,
            category: 'sport',
            tags: [INTERESTS[n % INTERESTS.length]!],
            description: 'Et tilbud til målingen af kandidater.',
            ageMin: 6 + (n % 5),
            ageMax: 12 + (n % 5),
            schedule: [{ weekday: 1 + (n % 5), from: '16:00', to: '17:30' }],
            postcode: place.postcode,
            places: 1 + (n % 3),
            adultIds: [id],
          }),
          createdAt: now,
          updatedAt: now,
        }
      : undefined;
  return { user, profile, membership, vetting, offer };
}

async function insertBatch(db: Db, from: number, to: number, organisations: string[], now: Date) {
  const rows = Array.from({ length: to - from }, (_, i) =>
    volunteer(from + i, organisations[Math.floor((from + i) / 100)]!, now),
  );
  await db.collection('users').insertMany(rows.map((row) => row.user));
  await db.collection('volunteerprofiles').insertMany(rows.map((row) => row.profile));
  await db.collection('memberships').insertMany(rows.map((row) => row.membership));
  await db.collection('vetting_records').insertMany(rows.map((row) => row.vetting));
  const offers = rows.flatMap((row) => (row.offer ? [row.offer] : []));
  if (offers.length > 0) await db.collection('offers').insertMany(offers);
  // Written behind the app's back: move the offers' and the vetting's change markers as every offer
  // and vetting write does.
  for (const topic of ['offers', 'vetting'])
    await db
      .collection<{ _id: string }>('changemarkers')
      .updateOne(
        { _id: topic },
        { $set: { token: `bench-${Date.now()}`, at: new Date() } },
        { upsert: true },
      );
}

/** Grows the seeded volunteers from `from` to `to` (organisations for them included); returns seconds taken. */
export async function seedCandidates(databaseUri: string, from: number, to: number): Promise<number> {
  const started = Date.now();
  const client = await MongoClient.connect(databaseUri, { serverSelectionTimeoutMS: 5000 });
  try {
    // The app's own database: the announced URI names none, and the driver would pick `test`.
    const db = client.db(databaseNameFor(databaseUri, APP_DATABASE_NAME));
    const now = new Date();
    const existing = await db
      .collection('organisations')
      .find({ name: { $regex: '^Benchkandidatforening ' } }, { projection: { _id: 1, name: 1 } })
      .toArray();
    const organisations = existing
      .sort((a, b) => Number(String(a.name).split(' ')[1]) - Number(String(b.name).split(' ')[1]))
      .map((org) => String(org._id));
    const added = Array.from({ length: Math.ceil(to / 100) - organisations.length }, (_, i) =>
      organisation(organisations.length + i, now),
    );
    if (added.length > 0) await db.collection('organisations').insertMany(added);
    organisations.push(...added.map((org) => String(org._id)));
    for (let start = from; start < to; start += BATCH)
      await insertBatch(db, start, Math.min(to, start + BATCH), organisations, now);
    return (Date.now() - started) / 1000;
  } finally {
    await client.close();
  }
}

/** A typical request of the demo social worker: 10 years old, Pandrup, football and drawing, Tuesdays. */
export async function seedBenchRequest(databaseUri: string, responsibleId: string): Promise<string> {
  const client = await MongoClient.connect(databaseUri, { serverSelectionTimeoutMS: 5000 });
  try {
    const now = new Date();
    const { insertedId } = await client
      .db(databaseNameFor(databaseUri, APP_DATABASE_NAME))
      .collection('child_requests')
      .insertOne({
        municipalityCode: BENCH_MUNICIPALITY,
        responsibleId,
        createdBy: responsibleId,
        caseRef: 'SAG-BENCH-1',
        birthYear: now.getUTCFullYear() - 10,
        birthMonth: 1,
        postcode: '9490',
        areaMunicipalityCode: BENCH_MUNICIPALITY,
        lat: 57.20322545,
        lon: 9.65450533,
        interests: ['fodbold', 'tegning'],
        needsText: '',
        needTags: [],
        homeLanguages: ['da'],
        windows: [{ weekday: 2, from: '16:00', to: '18:00' }],
        maxTravelKm: 25,
        noFaithCommunity: false,
        networkOrganisationIds: [],
        preventsStep: 'early-prevention',
        expectedMonths: 12,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      });
    return String(insertedId);
  } finally {
    await client.close();
  }
}
