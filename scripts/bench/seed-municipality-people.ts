// The people of the benchmark municipality: its staff, 150 organisations (the three demo ones among
// them) with a coordinator each, and 3,000 volunteers with a profile, a membership and a vetting record
// each. Written through the models (insertMany validates every document against its schema).
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { POSTCODES } from '../../src/components/geography/index.js';
import { OFFER_CATEGORIES } from '../../src/components/offers/index.js';
import { LANGUAGES } from '../../src/components/volunteers/index.js';
import { DEMO_ORGANISATIONS } from '../../src/demo/demo-content.js';
import { modelNamed, type AnyDocument } from './seed-models.js';
import { addMonths, between, daysAfter, daysBefore, pick, pickSome, type Random } from './seed-random.js';

const BATCH = 1_000;
const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Lars',
  'Søren',
  'Maja',
  'Emil',
  'Ida',
  'Noah',
  'Freja',
  'Mikkel',
  'Louise',
  'Rasmus',
  'Camilla',
  'Jesper',
  'Sara',
  'Ali',
  'Fatima',
  'Oliver',
  'Nanna',
  'Thomas',
];
const LAST_NAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Yilmaz',
];
const INTERESTS = [
  'fodbold',
  'gymnastik',
  'dans',
  'træ',
  'værktøj',
  'natur',
  'tegning',
  'musik',
  'lektier',
  'madlavning',
  'spejder',
  'svømning',
  'skak',
  'ridning',
  'computer',
  'fiskeri',
];
const CLUB_KINDS = [
  'Boldklub',
  'Gymnastikforening',
  'Spejdergruppe',
  'Lektiecafé',
  'Kunstskole',
  'Sejlklub',
  'Rideklub',
  'Skakklub',
  'Menighedsråd',
  'Værksted',
];

export interface SeededOrganisation {
  id: string;
  postcode: string;
  coordinatorIds: string[];
  /** Active, vetted members: the adults matches and offers are made with. */
  vettedIds: string[];
  offerIds: string[];
}

interface DemoPeople {
  socialWorker: string;
  coordinator: string;
  volunteer: string;
  leader: string;
  municipalAdmin: string;
  platformAdmin: string;
}

export interface SeededPeople {
  demo: DemoPeople;
  /** The demo social worker first. */
  socialWorkerIds: string[];
  coordinatorIds: string[];
  volunteerIds: string[];
  /** The demo coordinator's organisation first. */
  organisations: SeededOrganisation[];
  counts: Record<string, number>;
}

/** insertMany in batches, unordered (the collection's own order does not matter). */
export async function insertInBatches(model: Model<AnyDocument>, documents: object[]): Promise<void> {
  for (let at = 0; at < documents.length; at += BATCH) {
    await model.insertMany(documents.slice(at, at + BATCH) as AnyDocument[], { ordered: false });
  }
}

const UserModel = modelNamed('User');
const OrganisationModel = modelNamed('Organisation');
const MembershipModel = modelNamed('Membership');
const VolunteerProfileModel = modelNamed('VolunteerProfile');
const VettingRecordModel = modelNamed('VettingRecord');
const OfferModel = modelNamed('Offer');

async function userIdOf(email: string): Promise<string> {
  const user = await UserModel.findOne({ email }, { _id: 1 }).lean();
  if (!user) throw new Error(`no demo user ${email}: start the app with the demo content first`);
  return String(user._id);
}

async function findDemoPeople(): Promise<DemoPeople> {
  return {
    socialWorker: await userIdOf('socialraadgiver@demo.brobygning.dk'),
    coordinator: await userIdOf('koordinator@demo.brobygning.dk'),
    volunteer: await userIdOf('frivillig@demo.brobygning.dk'),
    leader: await userIdOf('leder@demo.brobygning.dk'),
    municipalAdmin: await userIdOf('kommuneadmin@demo.brobygning.dk'),
    platformAdmin: await userIdOf('platformadmin@demo.brobygning.dk'),
  };
}

interface Context {
  random: Random;
  now: Date;
  municipalityCode: string;
  passwordHash: string;
  places: typeof POSTCODES;
}

function user(
  context: Context,
  email: string,
  role: { role: string; municipalityCode?: string; organisationId?: string },
  createdDaysAgo: number,
) {
  const { random, now } = context;
  const createdAt = daysBefore(now, createdDaysAgo);
  return {
    _id: undefined as unknown,
    email,
    name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)} (bench)`,
    language: 'da',
    passwordHash: context.passwordHash,
    status: 'active',
    emailVerifiedAt: createdAt,
    roles: [{ ...role, active: true, grantedAt: createdAt }],
    sessionEpoch: randomUUID(),
    writeVersion: 0,
    lastLoginAt: daysBefore(now, between(random, 0, 60)),
    createdAt,
    updatedAt: createdAt,
  };
}

function vettingRecord(context: Context, organisationId: string, userId: string, coordinatorId: string) {
  const { random, now } = context;
  const roll = random();
  const startedAt = daysBefore(now, between(random, 30, 1000));
  const base = { organisationId, userId, writeVersion: 1, createdAt: startedAt, updatedAt: startedAt };
  if (roll < 0.08) return { ...base, childCertificate: {} };
  const ordered = {
    consentGivenAt: startedAt,
    orderedAt: daysAfter(startedAt, 1),
    orderedBy: coordinatorId,
  };
  if (roll < 0.16) return { ...base, childCertificate: ordered };
  const outcomeAt = daysAfter(startedAt, between(random, 5, 25));
  // Most certificates run for two years; some are near their end or past it.
  const validUntil = addMonths(outcomeAt, 24);
  return {
    ...base,
    childCertificate: {
      ...ordered,
      outcome: 'clear',
      outcomeAt,
      outcomeBy: coordinatorId,
      validUntil,
      renewalDueAt: addMonths(validUntil, -2),
    },
    interview: {
      heldOn: daysAfter(startedAt, 3),
      interviewer: 'Koordinator',
      outcome: 'suitable',
      recordedBy: coordinatorId,
      recordedAt: daysAfter(startedAt, 3),
    },
    references: [1, 2].map((slot) => ({
      slot,
      checked: true,
      checkedBy: coordinatorId,
      checkedAt: daysAfter(startedAt, 4),
    })),
    ...(roll < 0.2
      ? {}
      : {
          training: {
            hours: between(random, 3, 12),
            completedOn: daysAfter(startedAt, 10),
            recordedBy: coordinatorId,
            recordedAt: daysAfter(startedAt, 10),
          },
        }),
  };
}

function volunteerProfile(context: Context, userId: string, createdAt: Date) {
  const { random } = context;
  const place = pick(random, context.places);
  const from = between(random, 15, 18);
  return {
    userId,
    interests: pickSome(random, INTERESTS, between(random, 1, 4)),
    skills: [],
    languages: random() < 0.15 ? ['da', pick(random, LANGUAGES)] : ['da'],
    postcode: place.postcode,
    municipalityCode: context.municipalityCode,
    lat: place.lat,
    lon: place.lon,
    availability: [{ weekday: between(random, 1, 7), from: `${from}:00`, to: `${from + 2}:00` }],
    frequency: pick(random, ['weekly', 'weekly', 'biweekly', 'monthly'] as const),
    maxChildren: random() < 0.8 ? 1 : 2,
    gender: pick(random, ['female', 'male', 'female', 'male', 'other'] as const),
    presentation: 'Jeg vil gerne være en voksen, et barn kan regne med.',
    status: random() < 0.93 ? 'active' : 'paused',
    createdAt,
    updatedAt: createdAt,
  };
}

function offer(context: Context, organisation: SeededOrganisation, index: number) {
  const { random } = context;
  const place = context.places.find((p) => p.postcode === organisation.postcode) ?? context.places[0]!;
  const ageMin = between(random, 5, 13);
  const weekday = between(random, 1, 7);
  const from = between(random, 15, 18);
  const category = pick(random, OFFER_CATEGORIES);
  return {
    organisationId: organisation.id,
    title: `${category} hold ${index + 1}`,
    category,
    tags: pickSome(random, INTERESTS, 2),
    description: 'Et fast hold hver uge med plads til et barn mere.',
    ageMin,
    ageMax: ageMin + between(random, 2, 5),
    schedule: [{ weekday, from: `${from}:00`, to: `${from + 1}:30` }],
    weekdays: [weekday],
    postcode: place.postcode,
    municipalityCode: context.municipalityCode,
    lat: place.lat,
    lon: place.lon,
    places: between(random, 1, 6),
    languages: ['da'],
    adultIds: pickSome(random, organisation.vettedIds, between(random, 1, 3)),
    status: random() < 0.9 ? 'active' : 'paused',
    createdBy: organisation.coordinatorIds[0],
  };
}

/** Staff, organisations, coordinators, volunteers, memberships, vetting and offers. */
export async function seedPeople(
  random: Random,
  now: Date,
  municipalityCode: string,
  sizes: { volunteers: number; organisations: number; offers: number; socialWorkers: number },
): Promise<SeededPeople> {
  const demo = await findDemoPeople();
  const demoWorker = await UserModel.findById(demo.socialWorker, { passwordHash: 1 }).lean();
  const context: Context = {
    random,
    now,
    municipalityCode,
    // Every bench person has the demo's password, so any of them can be tried by hand.
    passwordHash: String(demoWorker!.passwordHash),
    places: POSTCODES.filter((p) => p.municipalityCode === municipalityCode),
  };
  const users: ReturnType<typeof user>[] = [];
  const addUser = (u: ReturnType<typeof user>) => {
    const doc = { ...u, _id: new UserModel()._id };
    users.push(doc);
    return String(doc._id);
  };
  const socialWorkerIds = [demo.socialWorker];
  for (let n = 1; n < sizes.socialWorkers; n += 1) {
    socialWorkerIds.push(
      addUser(
        user(
          context,
          `sagsbehandler.${n}@bench.brobygning.dk`,
          { role: 'social-worker', municipalityCode },
          between(random, 100, 1500),
        ),
      ),
    );
  }
  addUser(user(context, 'leder.1@bench.brobygning.dk', { role: 'leader', municipalityCode }, 900));
  addUser(
    user(context, 'kommuneadmin.1@bench.brobygning.dk', { role: 'municipal-admin', municipalityCode }, 900),
  );

  // The demo organisations first (the demo coordinator's own at the head), then the bench's own.
  const organisations: SeededOrganisation[] = [];
  const organisationDocs: object[] = [];
  for (const demoOrganisation of DEMO_ORGANISATIONS) {
    const found = await OrganisationModel.findOne(
      { name: demoOrganisation.name },
      { _id: 1, postcode: 1 },
    ).lean();
    if (!found) continue;
    organisations.push({
      id: String(found._id),
      postcode: String(found.postcode),
      coordinatorIds: [],
      vettedIds: [],
      offerIds: [],
    });
  }
  const coordinatorIds: string[] = [];
  const memberships: object[] = [];
  const membership = (organisationId: string, userId: string, status: string, at: Date) =>
    memberships.push({
      organisationId,
      userId,
      status,
      history: [{ status, by: userId, at }],
      createdAt: at,
      updatedAt: at,
    });
  for (let n = organisations.length; n < sizes.organisations; n += 1) {
    const id = String(new OrganisationModel()._id);
    const place = pick(random, context.places);
    const createdAt = daysBefore(now, between(random, 200, 1500));
    const coordinatorId = addUser(
      user(
        context,
        `koordinator.${n}@bench.brobygning.dk`,
        { role: 'coordinator', organisationId: id },
        1500,
      ),
    );
    coordinatorIds.push(coordinatorId);
    membership(id, coordinatorId, 'active', createdAt);
    organisations.push({
      id,
      postcode: place.postcode,
      coordinatorIds: [coordinatorId],
      vettedIds: [],
      offerIds: [],
    });
    organisationDocs.push({
      _id: id,
      name: `${place.name} ${pick(random, CLUB_KINDS)} ${n} (bench)`,
      kind: pick(random, [
        'association',
        'association',
        'association',
        'business',
        'faith',
        'other',
      ] as const),
      description: 'En forening med voksne, der gerne vil bruge tid med et barn.',
      postcode: place.postcode,
      contactEmail: `kontakt.${n}@bench.brobygning.dk`,
      municipalityCodes: [municipalityCode],
      approvals: [
        { municipalityCode, decision: 'approved', decidedBy: demo.municipalAdmin, decidedAt: createdAt },
      ],
      status: 'approved',
      activeIn: [municipalityCode],
      registeredBy: coordinatorId,
      writeVersion: 1,
      createdAt,
      updatedAt: createdAt,
    });
  }
  // The demo organisations' own coordinators (the demo coordinator's first); one without stays empty.
  const demoCoordinators = [
    demo.coordinator,
    await userIdOf('koordinator.snedker@demo.brobygning.dk'),
    await userIdOf('koordinator.fodbold@demo.brobygning.dk'),
  ];
  for (const [i, coordinatorId] of demoCoordinators.entries())
    organisations[i]?.coordinatorIds.push(coordinatorId);

  // Volunteers: the demo coordinator's organisation gets about 40, the rest spread unevenly (some clubs
  // are big, most are small); one in ten is also in a second organisation.
  const weights = organisations.map((_, i) => (i === 0 ? 0 : 0.3 + random() * 1.7));
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const organisationFor = (): SeededOrganisation => {
    let roll = random() * totalWeight;
    for (const [i, w] of weights.entries()) {
      roll -= w;
      if (roll <= 0) return organisations[i]!;
    }
    return organisations[organisations.length - 1]!;
  };
  const volunteerIds: string[] = [];
  const profiles: object[] = [];
  const vetting: object[] = [];
  const join = (organisation: SeededOrganisation, userId: string, createdAt: Date) => {
    const roll = random();
    const status = roll < 0.9 ? 'active' : roll < 0.95 ? 'requested' : 'left';
    membership(organisation.id, userId, status, createdAt);
    if (status !== 'active') return;
    const record = vettingRecord(context, organisation.id, userId, organisation.coordinatorIds[0] ?? userId);
    vetting.push(record);
    if ('training' in record) organisation.vettedIds.push(userId);
  };
  const demoShare = Math.min(40, Math.round(sizes.volunteers / 75));
  for (let n = 0; n < sizes.volunteers; n += 1) {
    const createdDaysAgo = between(random, 20, 1400);
    const userId = addUser(
      user(context, `frivillig.${n}@bench.brobygning.dk`, { role: 'volunteer' }, createdDaysAgo),
    );
    volunteerIds.push(userId);
    profiles.push(volunteerProfile(context, userId, daysBefore(now, createdDaysAgo)));
    const first = n < demoShare ? organisations[0]! : organisationFor();
    join(first, userId, daysBefore(now, createdDaysAgo - 5));
    if (random() < 0.1) {
      const second = organisationFor();
      if (second !== first) join(second, userId, daysBefore(now, createdDaysAgo - 30));
    }
  }
  // The demo volunteer belongs to the demo coordinator's organisation and is vetted there.
  membership(organisations[0]!.id, demo.volunteer, 'active', daysBefore(now, 400));
  const demoVetting = vettingRecord(
    { ...context, random: () => 0.9 },
    organisations[0]!.id,
    demo.volunteer,
    demo.coordinator,
  );
  vetting.push(demoVetting);
  organisations[0]!.vettedIds.push(demo.volunteer);

  const offers: object[] = [];
  const existingOffers = await OfferModel.countDocuments({});
  for (let n = 0; offers.length < sizes.offers - existingOffers; n += 1) {
    // The demo coordinator's organisation gets a handful; the others four on average.
    const organisation = n < 6 ? organisations[0]! : organisationFor();
    if (organisation.vettedIds.length === 0) continue;
    const doc = { ...offer(context, organisation, organisation.offerIds.length), _id: new OfferModel()._id };
    organisation.offerIds.push(String(doc._id));
    offers.push(doc);
  }

  await insertInBatches(UserModel, users);
  await insertInBatches(OrganisationModel, organisationDocs);
  await insertInBatches(MembershipModel, memberships);
  await insertInBatches(VolunteerProfileModel, profiles);
  await insertInBatches(VettingRecordModel, vetting);
  await insertInBatches(OfferModel, offers);
  return {
    demo,
    socialWorkerIds,
    coordinatorIds,
    volunteerIds,
    organisations,
    counts: {
      users: users.length,
      organisations: organisations.length,
      memberships: memberships.length,
      volunteerProfiles: profiles.length,
      vettingRecords: vetting.length,
      offers: offers.length + existingOffers,
    },
  };
}
