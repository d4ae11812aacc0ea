// Seeds the outcomes scenario: requests, matches and their monthly check-ins in 20 municipalities of
// the bench app's embedded database. The demo municipality (Jammerbugt, 0849) is the big one: 2,000
// matches and 24,000 follow-ups; the other 19 share the rest of about 200,000 follow-ups. Three years of
// history up to today: matches start days to weeks after their request, last one to eighteen months,
// and every tenth child gets a second adult after the first match ended. Written with the driver in
// batches (insertMany), shaped as the models store them.
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { APP_DATABASE_NAME, databaseNameFor } from '../../src/shared/db/index.js';
import { MUNICIPALITIES, POSTCODES } from '../../src/components/geography/index.js';
import { CLOSE_REASONS, PREVENTS_STEPS } from '../../src/components/requests/index.js';
import { generator } from './seed-random.js';

export const BIG_MUNICIPALITY = '0849';
const MUNICIPALITY_COUNT = 20;
const BIG_MATCHES = 2_000;
const FOLLOW_UPS_PER_MATCH = 12;
const TOTAL_FOLLOW_UPS = 200_000;
const BATCH = 2_000;
const DAY = 86_400_000;
const HISTORY_DAYS = 3 * 365;

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const addMonths = (at: Date, months: number) => {
  const next = new Date(at);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
};

interface Batches {
  child_requests: object[];
  matches: object[];
  follow_ups: object[];
}

/** One child's case: the request, one match (or two, the second after the first ended), their check-ins. */
function seedCase(
  municipalityCode: string,
  postcode: { postcode: string; lat: number; lon: number },
  matchCount: number,
  random: () => number,
  now: Date,
  into: Batches,
): number {
  const requestId = new ObjectId();
  const createdAt = new Date(now.getTime() - Math.floor(random() * HISTORY_DAYS) * DAY);
  into.child_requests.push({
    _id: requestId,
    municipalityCode,
    responsibleId: 'bench-worker',
    createdBy: 'bench-worker',
    caseRef: `SAG-OUTCOMES-${String(requestId)}`,
    birthYear: now.getUTCFullYear() - 8 - Math.floor(random() * 8),
    birthMonth: 1 + Math.floor(random() * 12),
    postcode: postcode.postcode,
    areaMunicipalityCode: municipalityCode,
    lat: postcode.lat,
    lon: postcode.lon,
    interests: ['fodbold'],
    needsText: '',
    needTags: [],
    homeLanguages: ['da'],
    windows: [],
    noFaithCommunity: false,
    networkOrganisationIds: [],
    preventsStep: PREVENTS_STEPS[Math.floor(random() * PREVENTS_STEPS.length)],
    expectedMonths: 12,
    status: 'matched',
    createdAt,
    updatedAt: createdAt,
  });
  let startFrom = createdAt;
  let followUps = 0;
  for (let n = 0; n < matchCount; n += 1) {
    const matchId = new ObjectId();
    const proposedAt = new Date(startFrom.getTime() + Math.floor(random() * 10) * DAY);
    const activeAt = new Date(proposedAt.getTime() + (2 + Math.floor(random() * 50)) * DAY);
    const lastsDays = 25 + Math.floor(random() * 520);
    const closedAt = new Date(activeAt.getTime() + lastsDays * DAY);
    const event = (state: string, at: Date) => ({ state, by: 'bench-worker', role: 'social-worker', at });
    const history = [event('proposed', proposedAt)];
    if (activeAt < now) history.push(event('active', activeAt));
    const closed = closedAt < now && activeAt < now;
    if (closed) history.push(event('closed', closedAt));
    const state = closed ? 'closed' : activeAt < now ? 'active' : 'proposed';
    into.matches.push({
      _id: matchId,
      requestId: String(requestId),
      municipalityCode,
      organisationId: 'bench-organisation',
      volunteerId: `bench-volunteer-${String(matchId)}`,
      proposedBy: 'bench-worker',
      childAlias: 'E.',
      askText: 'Fodbold om tirsdagen.',
      state,
      history,
      steps: history.length - 1,
      ...(closed ? { closeReason: CLOSE_REASONS[Math.floor(random() * CLOSE_REASONS.length)] } : {}),
      rematchOffered: false,
      liveKey: closed ? String(matchId) : `${String(requestId)}:bench-volunteer-${String(matchId)}`,
      createdAt: proposedAt,
      updatedAt: history[history.length - 1]!.at,
    });
    let wellbeing = 2 + Math.floor(random() * 3);
    for (let sequence = 1; sequence <= FOLLOW_UPS_PER_MATCH; sequence += 1) {
      const due = addMonths(activeAt, sequence);
      const dueOn = isoDay(due);
      const roll = random();
      const past = due < now;
      const answered = past && !(closed && due > closedAt) && roll < 0.85;
      const answeredAt = new Date(due.getTime() + (roll < 0.7 ? -1 : 3) * DAY);
      wellbeing = Math.max(1, Math.min(5, wellbeing + (random() < 0.3 ? 1 : random() < 0.15 ? -1 : 0)));
      const worry = answered && random() < 0.03;
      const stateOf =
        closed && due > closedAt ? 'cancelled' : answered ? 'done' : past && roll > 0.95 ? 'skipped' : 'open';
      into.follow_ups.push({
        _id: `${String(matchId)}:volunteer:regular:${sequence}`,
        matchId: String(matchId),
        requestId: String(requestId),
        municipalityCode,
        organisationId: 'bench-organisation',
        volunteerId: `bench-volunteer-${String(matchId)}`,
        childAlias: 'E.',
        audience: 'volunteer',
        kind: 'regular',
        sequence,
        dueOn,
        state: stateOf,
        ...(stateOf === 'done'
          ? {
              answeredAt,
              answeredBy: 'bench-volunteer',
              answers: { meetings: 3, goes: 4, wellbeing, worry, wishContinue: 'yes' },
            }
          : {}),
        ...(worry
          ? { worryRaisedAt: answeredAt, worrySeenAt: new Date(answeredAt.getTime() + 2 * DAY) }
          : {}),
        createdAt: activeAt,
        updatedAt: stateOf === 'done' ? answeredAt : activeAt,
      });
      followUps += 1;
    }
    startFrom = closedAt;
    // A second adult only after the first match ended.
    if (!closed) break;
  }
  return followUps;
}

async function flush(db: Db, batches: Batches, force: boolean) {
  for (const name of ['child_requests', 'matches', 'follow_ups'] as const) {
    if (batches[name].length === 0 || (!force && batches[name].length < BATCH)) continue;
    await db.collection(name).insertMany(batches[name] as never[], { ordered: false });
    batches[name] = [];
  }
}

export interface OutcomesSeed {
  seconds: number;
  municipalities: number;
  requests: number;
  matches: number;
  followUps: number;
  big: { requests: number; matches: number; followUps: number };
}

/**
 * Seeds the country at `scale` (1 = the real size; a smaller one for a quick try). Returns what was
 * written and how long it took.
 */
export async function seedOutcomes(databaseUri: string, scale: number): Promise<OutcomesSeed> {
  const started = Date.now();
  const random = generator(14);
  const now = new Date();
  const others = MUNICIPALITIES.map((m) => m.code)
    .filter((code) => code !== BIG_MUNICIPALITY && POSTCODES.some((p) => p.municipalityCode === code))
    .slice(0, MUNICIPALITY_COUNT - 1);
  const bigFollowUps = BIG_MATCHES * FOLLOW_UPS_PER_MATCH;
  const perOther = Math.round((TOTAL_FOLLOW_UPS - bigFollowUps) / others.length / FOLLOW_UPS_PER_MATCH);
  const client = await MongoClient.connect(databaseUri, { serverSelectionTimeoutMS: 5000 });
  const totals: OutcomesSeed = {
    seconds: 0,
    municipalities: others.length + 1,
    requests: 0,
    matches: 0,
    followUps: 0,
    big: { requests: 0, matches: 0, followUps: 0 },
  };
  try {
    // The app's own database: the announced URI names none, and the driver would pick `test`.
    const db = client.db(databaseNameFor(databaseUri, APP_DATABASE_NAME));
    const batches: Batches = { child_requests: [], matches: [], follow_ups: [] };
    for (const code of [BIG_MUNICIPALITY, ...others]) {
      const places = POSTCODES.filter((place) => place.municipalityCode === code);
      const target = Math.max(1, Math.round((code === BIG_MUNICIPALITY ? BIG_MATCHES : perOther) * scale));
      let matches = 0;
      let requests = 0;
      let followUps = 0;
      while (matches < target) {
        const second = random() < 0.1 && target - matches >= 2;
        const before = batches.matches.length;
        followUps += seedCase(code, places[requests % places.length]!, second ? 2 : 1, random, now, batches);
        matches += batches.matches.length - before;
        requests += 1;
        await flush(db, batches, false);
      }
      totals.requests += requests;
      totals.matches += matches;
      totals.followUps += followUps;
      if (code === BIG_MUNICIPALITY) totals.big = { requests, matches, followUps };
    }
    await flush(db, batches, true);
  } finally {
    await client.close();
  }
  totals.seconds = (Date.now() - started) / 1000;
  return totals;
}
