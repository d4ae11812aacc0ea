// Seeds one municipality at a large Danish municipality's size into a database that already holds the
// demo content (the app started with SEED_DEMO=true): 3,000 volunteers in 150 organisations with 600
// offers; 2,500 requests of which 300 open; 2,000 matches of which 400 running; 24,000 follow-ups;
// 100,000 audit entries. The demo logins belong to it, so each role's pages show real data at that size.
// Every document goes through its model (insertMany in batches, validated against the schema).
//
//   npx tsx scripts/bench/seed-municipality.ts mongodb://127.0.0.1:PORT/ [scale]
//
// seeds the database a running app announced (scale 0.01–1, default 1). The pages benchmark calls
// seedMunicipality() itself.
import { pathToFileURL } from 'node:url';
import { DEMO_MUNICIPALITY_CODE } from '../../src/demo/demo-content.js';
import { connectDatabase, disconnectDatabase } from '../../src/shared/db/index.js';
import { seedAudit } from './seed-municipality-audit.js';
import { seedCases } from './seed-municipality-cases.js';
import { seedPeople } from './seed-municipality-people.js';
import { generator } from './seed-random.js';

export const BENCH_MUNICIPALITY = DEMO_MUNICIPALITY_CODE;

export const MUNICIPALITY_SIZES = {
  volunteers: 3_000,
  organisations: 150,
  offers: 600,
  socialWorkers: 40,
  requests: 2_500,
  openRequests: 300,
  matches: 2_000,
  runningMatches: 400,
  followUps: 24_000,
  auditEntries: 100_000,
} as const;

export interface MunicipalitySeed {
  seconds: number;
  scale: number;
  counts: Record<string, number>;
  demo: Record<string, number>;
}

function scaled(scale: number): Record<keyof typeof MUNICIPALITY_SIZES, number> {
  const entries = Object.entries(MUNICIPALITY_SIZES).map(([key, value]) => [
    key,
    Math.max(3, Math.round(value * scale)),
  ]);
  return Object.fromEntries(entries) as Record<keyof typeof MUNICIPALITY_SIZES, number>;
}

/** Reads a scale from 0.01 to 1 (1, the real size, when unset). */
export function parseScale(raw: string | undefined, name: string): number {
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 0.01 || scale > 1)
    throw new Error(`${name} must be a number from 0.01 to 1 (got "${raw}")`);
  return scale;
}

/** Seeds the municipality through the models, on a mongoose connection of its own. */
export async function seedMunicipality(databaseUri: string, scale = 1): Promise<MunicipalitySeed> {
  const started = Date.now();
  const sizes = scaled(scale);
  const random = generator(20);
  const now = new Date();
  await connectDatabase({ uri: databaseUri, serverSelectionTimeoutMs: 5000 });
  try {
    const people = await seedPeople(random, now, BENCH_MUNICIPALITY, sizes);
    const cases = await seedCases(random, now, BENCH_MUNICIPALITY, people, sizes);
    const auditEntries = await seedAudit(random, now, BENCH_MUNICIPALITY, people, cases, sizes.auditEntries);
    return {
      seconds: (Date.now() - started) / 1000,
      scale,
      counts: { ...people.counts, ...cases.counts, auditEntries },
      demo: cases.demo,
    };
  } finally {
    await disconnectDatabase();
  }
}

/** One line for the console: what was written and how long it took. */
export function describeSeed(seed: MunicipalitySeed): string {
  const counts = Object.entries(seed.counts)
    .map(([name, count]) => `${count.toLocaleString('en')} ${name}`)
    .join(', ');
  const demo = Object.entries(seed.demo)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return `seeded ${BENCH_MUNICIPALITY} in ${seed.seconds.toFixed(0)} s${seed.scale < 1 ? ` (scale ${seed.scale})` : ''}: ${counts}; demo logins: ${demo}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [uri, rawScale] = process.argv.slice(2);
  if (!uri?.startsWith('mongodb://')) {
    console.error('usage: tsx scripts/bench/seed-municipality.ts mongodb://HOST:PORT/ [scale]');
    process.exit(2);
  }
  const seed = await seedMunicipality(uri, parseScale(rawScale, 'scale'));
  console.log(describeSeed(seed));
}
