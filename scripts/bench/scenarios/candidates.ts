import { performance } from 'node:perf_hooks';
import { loadRequest } from '../../../src/components/requests/index.js';
import {
  candidateBase,
  forgetCandidateBase,
  loadCandidateBase,
  candidatesPage,
} from '../../../src/components/candidates/index.js';
import { connectDatabase, disconnectDatabase, READ_BOUNDS } from '../../../src/shared/db/index.js';
import { loginDemoSocialWorker } from '../bench-login.js';
import { BENCH_MUNICIPALITY, seedBenchRequest, seedCandidates } from '../seed-candidates.js';
import type { Scenario } from './types.js';

// BENCH_CANDIDATE_SIZES=1000,10000 measures fewer sizes (a quicker before/after on a busy machine).
const SIZES = (process.env.BENCH_CANDIDATE_SIZES ?? '1000,10000,50000')
  .split(',')
  .map(Number)
  .filter((size) => Number.isInteger(size) && size > 0);
const RUNS = 50;
// The whole scenario should fit in about ten minutes: a bigger size is skipped (and said) when it cannot.
const BUDGET_MS = 10 * 60_000;
// The database read alone takes seconds per run at the larger sizes: fewer runs there, and said so.
const DB_READ_BUDGET_MS = 40_000;

interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, work: () => Promise<unknown>, budgetMs = Infinity): Promise<Timing> {
  const took: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    const at = performance.now();
    await work();
    took.push(performance.now() - at);
    if (i >= 2 && performance.now() - started > budgetMs) break;
  }
  took.sort((a, b) => a - b);
  return { runs: took.length, p50: percentile(took, 50), p95: percentile(took, 95) };
}

/**
 * Whether the candidates' bound can be kept at a given load time: a key in use is refreshed once it has
 * lived half its bound, so a load must fit in the other half (with the refresh timer's quarter tick).
 */
function boundVerdict(size: number, loadMs: number, measured: boolean): string {
  const budget = READ_BOUNDS.candidates / 4;
  const verdict =
    loadMs <= budget
      ? `the ${READ_BOUNDS.candidates / 1000} s bound is kept on the embedded database`
      : `the ${READ_BOUNDS.candidates / 1000} s bound cannot be kept on the embedded database (FerretDB's SQLite backend decodes whole collections): this size needs MongoDB`;
  return `  bound: ${size.toLocaleString('en')} volunteers, one key ${measured ? 'loads in' : 'would load in about'} ${(loadMs / 1000).toFixed(1)} s (limit ${(budget / 1000).toFixed(0)} s): ${verdict}`;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const line = (label: string, t: Timing) => `${label}: p50 ${ms(t.p50)}, p95 ${ms(t.p95)} (${t.runs} runs)`;

/**
 * Candidates for a typical request at 1,000 / 10,000 / 50,000 volunteers in one municipality:
 * (a) the pre-filter read straight from the database and from the per-instance read model, and whether
 *     the candidates' bound can be kept at that size on the embedded database,
 * (b) the full rank-and-explain (the page's work without HTTP), and at 10,000 the TTFB of the page and
 *     of the direct search.
 */
export const candidates: Scenario = {
  name: 'candidates',
  summary: `candidate ranking at ${SIZES.join(' / ')} volunteers: pre-filter read, rank-and-explain, page TTFB`,
  async run({ app: sharedApp }) {
    const app = await sharedApp();
    if (!app.databaseUri) throw new Error('the app did not announce its embedded database; cannot seed');
    const started = Date.now();
    const notes: string[] = [];
    const warnings: string[] = [];
    const progress = (what: string) =>
      console.error(`bench: candidates: ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
    progress('logging in as the demo social worker');
    const session = await loginDemoSocialWorker(app.baseUrl, app.databaseUri);
    const requestId = await seedBenchRequest(app.databaseUri, session.userId);
    const request = { _id: requestId };
    const actor = {
      userId: session.userId,
      role: 'social-worker' as const,
      municipalityCode: BENCH_MUNICIPALITY,
    };
    const context = { origin: {}, baseUrl: app.baseUrl, language: 'da' as const };
    const measurePage = async (label: string, path: string) => {
      const first = await session.get(path);
      if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
      await first.text();
      const ttfb = await time(RUNS, async () => {
        const response = await session.get(path);
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        await response.arrayBuffer();
      });
      notes.push(
        `  ${label} over HTTP (logged in), time to first byte — ${line('', ttfb).slice(2)}; target p95 ≤ 500 ms`,
      );
      if (ttfb.p95 > 500) warnings.push(`${label} TTFB p95 ${ms(ttfb.p95)} at 10,000 is above 500 ms`);
    };
    await connectDatabase({ uri: app.databaseUri, serverSelectionTimeoutMs: 5000 });
    try {
      let seeded = 0;
      let lastSeedMs = 0;
      let lastReadMs = 0;
      for (const size of SIZES) {
        const elapsed = Date.now() - started;
        // Seeding and one database read grow with the size: estimated from the last size's seeding and
        // three reads (the database read's run count is bounded by time, see DB_READ_BUDGET_MS).
        const estimate = seeded > 0 ? (lastSeedMs + 3 * lastReadMs) * (size / seeded) : 0;
        if (elapsed + estimate > BUDGET_MS) {
          // Not measured: the load time grows with the size, so the last one scaled up says enough.
          notes.push(boundVerdict(size, lastReadMs * (size / seeded), false));
          warnings.push(
            `${size.toLocaleString('en')} volunteers skipped: would not fit in ${BUDGET_MS / 60_000} min (after ${Math.round(elapsed / 1000)} s)`,
          );
          break;
        }
        progress(`seeding up to ${size.toLocaleString('en')} volunteers`);
        const seedSeconds = await seedCandidates(app.databaseUri, seeded, size);
        progress(`measuring at ${size.toLocaleString('en')} volunteers`);
        lastSeedMs = seedSeconds * 1000 * (size / (size - seeded));
        seeded = size;
        const db = await time(RUNS, () => loadCandidateBase(BENCH_MUNICIPALITY), DB_READ_BUDGET_MS);
        lastReadMs = db.p50;
        forgetCandidateBase();
        const base = await candidateBase(BENCH_MUNICIPALITY);
        const snapshot = await time(RUNS, () => candidateBase(BENCH_MUNICIPALITY));
        // The page's own work after loadRequest (one `_id` read, as the route does first).
        const stored = await loadRequest(actor, request._id);
        const pageModel = await candidatesPage(actor, stored, 1, context);
        const rank = await time(RUNS, async () =>
          candidatesPage(actor, await loadRequest(actor, request._id), 1, context),
        );
        notes.push(
          `${size.toLocaleString('en')} volunteers (seeded in ${seedSeconds.toFixed(0)} s): ${base.candidates.length} base candidates, ` +
            `${pageModel.total} eligible, ${pageModel.excluded.total} excluded (${pageModel.excluded.lines.map((l) => `${l.count} ${l.key.split('.').pop()}`).join(', ')})`,
          `  (a) pre-filter read from the database — ${line('', db).slice(2)}`,
          `  (a) pre-filter read from the read model — ${line('', snapshot).slice(2)}`,
          boundVerdict(size, db.p95, true),
          `  (b) rank and explain (page model, no HTTP) — ${line('', rank).slice(2)}`,
          `  b/a: ${(rank.p50 / db.p50).toFixed(3)} at p50, ${(rank.p95 / db.p95).toFixed(3)} at p95 against the database read; ` +
            `${(rank.p50 / snapshot.p50).toFixed(0)}× the read model's read at p50`,
        );
        if (size === 10_000) {
          progress('measuring the candidate page and the direct search over HTTP');
          await measurePage('candidate page', `/sager/${requestId}/kandidater`).catch((error: unknown) => {
            warnings.push(`candidate page at 10,000 not measured: ${(error as Error).message}`);
          });
          // Near the request's own postcode, so the page shows the nearest of every kind of volunteer.
          await measurePage('direct search', '/sager/soeg?postnummer=9490&afstand=25').catch(
            (error: unknown) => {
              warnings.push(`direct search at 10,000 not measured: ${(error as Error).message}`);
            },
          );
        }
      }
    } catch (error) {
      // What was measured before the failure is still reported, with the failure beside it.
      warnings.push(`stopped early: ${(error as Error).message}`);
    } finally {
      await disconnectDatabase();
    }
    return { measurements: [], comparisons: [], notes, warnings };
  },
};
