import { performance } from 'node:perf_hooks';
import { REPORT_READ_LIMIT } from '../../../src/components/case-reads/index.js';
import mongoose from 'mongoose';
import {
  dashboardFor,
  defaultPeriod,
  readFacts,
  reportingComponent,
} from '../../../src/components/reporting/index.js';
import { loadConfig } from '../../../src/config/index.js';
import { connectDatabase, disconnectDatabase } from '../../../src/shared/db/index.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import { DEMO_MUNICIPAL_ADMIN, loginDemoStaff } from '../bench-login.js';
import { BIG_MUNICIPALITY, seedOutcomes } from '../seed-outcomes.js';
import type { Scenario } from './types.js';

// The page's runs: enough for a p95 worth the name, bounded in time on a busy machine.
const PAGE_RUNS = 60;
const PAGE_BUDGET_MS = 120_000;
// The baseline read takes seconds per run on the embedded database: a few runs, bounded in time.
const BASELINE_RUNS = 10;
const BASELINE_BUDGET_MS = 90_000;
const TARGET_P95_MS = 1000;

/** BENCH_OUTCOMES_SCALE (0.01–1) seeds a smaller country for a quick try; 1 (the default) is the real size. */
function scaleFromEnvironment(): number {
  const raw = process.env.BENCH_OUTCOMES_SCALE;
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 0.01 || scale > 1)
    throw new Error(`BENCH_OUTCOMES_SCALE must be a number from 0.01 to 1 (got "${raw}")`);
  return scale;
}

interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, work: () => Promise<unknown>, budgetMs: number): Promise<Timing> {
  const took: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    const at = performance.now();
    await work();
    took.push(performance.now() - at);
    if (i >= 4 && performance.now() - started > budgetMs) break;
  }
  took.sort((a, b) => a - b);
  return { runs: took.length, p50: percentile(took, 50), p95: percentile(took, 95) };
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const line = (t: Timing) => `p50 ${ms(t.p50)}, p95 ${ms(t.p95)} (${t.runs} runs)`;

/**
 * The municipality's outcome dashboard at a real size: 20 municipalities, the demo municipality with
 * 2,000 matches and 24,000 follow-ups, about 200,000 follow-ups in all. Runs the figures job once (its
 * time), then measures the page over HTTP as the demo municipality's administrator against the raw read
 * of that municipality's matches in the same run.
 */
export const outcomes: Scenario = {
  name: 'outcomes',
  summary:
    'outcome dashboard at 20 municipalities / ~200,000 follow-ups: figures job, page p50/p95 vs raw read',
  async run({ app: sharedApp }) {
    const app = await sharedApp();
    if (!app.databaseUri) throw new Error('the app did not announce its embedded database; cannot seed');
    const scale = scaleFromEnvironment();
    const notes: string[] = [];
    const warnings: string[] = [];
    if (scale < 1) warnings.push(`smaller country: BENCH_OUTCOMES_SCALE=${scale} (the target is for 1)`);
    const seed = await seedOutcomes(app.databaseUri, scale);
    notes.push(
      `seeded in ${seed.seconds.toFixed(0)} s: ${seed.municipalities} municipalities, ${seed.requests.toLocaleString('en')} requests, ` +
        `${seed.matches.toLocaleString('en')} matches, ${seed.followUps.toLocaleString('en')} follow-ups; ` +
        `${BIG_MUNICIPALITY}: ${seed.big.requests.toLocaleString('en')} requests, ${seed.big.matches.toLocaleString('en')} matches, ` +
        `${seed.big.followUps.toLocaleString('en')} follow-ups`,
    );
    const session = await loginDemoStaff(app.baseUrl, app.databaseUri, DEMO_MUNICIPAL_ADMIN);
    await connectDatabase({ uri: app.databaseUri, serverSelectionTimeoutMs: 5000 });
    try {
      const job = reportingComponent(loadConfig({ NODE_ENV: 'test' })).jobs!.find(
        (candidate) => candidate.name === 'reporting:figures',
      )!;
      const jobStarted = performance.now();
      const run = await runJob(job, { trigger: 'shell' });
      const jobMs = performance.now() - jobStarted;
      if (run.failures > 0) throw new Error(`figures job failed: ${run.errorMessages.join('; ')}`);
      notes.push(
        `figures job (every municipality, one read of everything): ${(jobMs / 1000).toFixed(1)} s, ${run.items} municipalities written`,
      );

      const path = '/kommune/rapport';
      const load = async () => {
        const response = await session.get(path);
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        return response.text();
      };
      const first = await load();
      if (!first.includes('report-as-of')) warnings.push('the page does not say when its figures were taken');
      const page = await time(PAGE_RUNS, load, PAGE_BUDGET_MS);
      // The matching component's own model (registered by importing the component), as a report reads it.
      const MatchModel = mongoose.model('Match');
      const baseline = await time(
        BASELINE_RUNS,
        () => MatchModel.find({ municipalityCode: BIG_MUNICIPALITY }).limit(REPORT_READ_LIMIT).lean(),
        BASELINE_BUDGET_MS,
      );
      // Where the page's time goes: the maintained documents read by id, and the whole page model.
      const facts = await time(10, () => readFacts(BIG_MUNICIPALITY), 30_000);
      const admin = {
        userId: session.userId,
        role: 'municipal-admin' as const,
        municipalityCode: BIG_MUNICIPALITY,
      };
      const model = await time(10, () => dashboardFor(admin, defaultPeriod()), 30_000);
      notes.push(
        `  of which: maintained figures read by id — ${line(facts)}; page model without HTTP — ${line(model)}`,
      );
      notes.push(
        `dashboard over HTTP (logged in as the administrator of ${BIG_MUNICIPALITY}, ${Math.round(first.length / 1024)} KB) — ${line(page)}; target p95 ≤ ${TARGET_P95_MS} ms`,
        `baseline: raw read of ${BIG_MUNICIPALITY}'s matches (MatchModel.find({municipalityCode})) — ${line(baseline)}`,
        `page / baseline: ${(page.p50 / baseline.p50).toFixed(3)} at p50, ${(page.p95 / baseline.p95).toFixed(3)} at p95`,
      );
      if (page.p95 > TARGET_P95_MS)
        warnings.push(`dashboard p95 ${ms(page.p95)} is above ${TARGET_P95_MS} ms`);
    } finally {
      await disconnectDatabase();
    }
    return { measurements: [], comparisons: [], notes, warnings };
  },
};
