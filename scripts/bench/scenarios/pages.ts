import { loginDemoPerson, type BenchSession } from '../bench-login.js';
import { measure, type Measurement } from '../measure.js';
import { crawlPages, type CrawledPage } from '../page-crawl.js';
import { describeMemory, treeMemory, type TreeMemory } from '../process-memory.js';
import { describeSeed, parseScale, seedMunicipality } from '../seed-municipality.js';
import type { BenchSettings } from '../settings.js';
import type { Scenario, ScenarioContext } from './types.js';

// The targets at a large municipality's size, with 10 concurrent users.
const PAGE_P95_MS = 500;
const HOME_P95_MS = 200;
const FRONT_TO_BARE = 0.6;
const HOME_TO_FRONT = 0.25;
const APP_RSS_MB = 400;
const HOME = '/overblik';
// A page slower than this on its own is loaded with a fixed number of requests rather than for a
// duration: a duration would end before a slow page had answered often enough for a p95.
const SLOW_FIRST_MS = 250;
// Enough routes for every role's pages; a bound so a link loop cannot make the crawl endless.
const MAX_ROUTES_PER_ROLE = 80;

const ROLES: ReadonlyArray<{ role: string; email: string; secondFactor: boolean }> = [
  { role: 'social-worker', email: 'socialraadgiver@demo.brobygning.dk', secondFactor: true },
  { role: 'coordinator', email: 'koordinator@demo.brobygning.dk', secondFactor: false },
  { role: 'volunteer', email: 'frivillig@demo.brobygning.dk', secondFactor: false },
  { role: 'leader', email: 'leder@demo.brobygning.dk', secondFactor: true },
  { role: 'municipal-admin', email: 'kommuneadmin@demo.brobygning.dk', secondFactor: true },
  { role: 'platform-admin', email: 'platformadmin@demo.brobygning.dk', secondFactor: true },
];

function boundedNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

interface PageSettings {
  /** Seconds of load per fast page (BENCH_PAGE_SECONDS). */
  seconds: number;
  /** Seconds of warm-up per fast page (BENCH_PAGE_WARMUP). */
  warmup: number;
  /** Requests per slow page (BENCH_PAGE_REQUESTS). */
  slowRequests: number;
  /** The roles to measure (BENCH_PAGES_ROLES, comma-separated; all by default). */
  roles: typeof ROLES;
  /** Routes per role at most (BENCH_PAGES_MAX_ROUTES), in the crawl's order from the home. */
  maxRoutes: number;
}

function selectedRoles(): typeof ROLES {
  const raw = process.env.BENCH_PAGES_ROLES;
  if (raw === undefined || raw === '') return ROLES;
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !ROLES.some((role) => role.role === name));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_PAGES_ROLES: unknown role(s) ${unknown.join(', ')} (known: ${ROLES.map((r) => r.role).join(', ')})`,
    );
  return ROLES.filter((role) => names.includes(role.role));
}

function readPageSettings(): PageSettings {
  return {
    seconds: boundedNumber('BENCH_PAGE_SECONDS', 3, 1, 60),
    warmup: boundedNumber('BENCH_PAGE_WARMUP', 1, 0, 10),
    slowRequests: boundedNumber('BENCH_PAGE_REQUESTS', 30, 10, 500),
    roles: selectedRoles(),
    maxRoutes: boundedNumber('BENCH_PAGES_MAX_ROUTES', MAX_ROUTES_PER_ROLE, 1, MAX_ROUTES_PER_ROLE),
  };
}

interface PageRow {
  role: string;
  route: string;
  path: string;
  /** How it was loaded: for a duration, or a fixed number of requests (a slow page). */
  mode: 'duration' | 'requests' | 'not-loaded';
  firstMs: number;
  measurement?: Measurement;
  problems: string[];
}

const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));

function rowLine(row: PageRow): string {
  const m = row.measurement;
  const verdict = row.problems.length === 0 ? 'OK' : `FAIL: ${row.problems.join('; ')}`;
  return [
    row.role.padEnd(16),
    row.route.padEnd(44),
    ms(m?.latencyP50Ms).padStart(7),
    ms(m?.latencyP95Ms).padStart(7),
    (m ? m.requestsPerSecond.toFixed(1) : '-').padStart(8),
    String(m?.requests ?? '-').padStart(6),
    ` ${verdict}`,
  ].join(' ');
}

const HEADER = [
  'role'.padEnd(16),
  'route'.padEnd(44),
  'p50 ms'.padStart(7),
  'p95 ms'.padStart(7),
  'req/s'.padStart(8),
  'n'.padStart(6),
  ' verdict',
].join(' ');

/** Any answer that is neither 2xx nor 3xx, and every error or timeout, fails the page. */
function answerProblems(m: Measurement): string[] {
  const bad = Object.entries(m.statuses ?? {}).filter(([status]) => Number(status) >= 400);
  const problems = bad.map(([status, count]) => `${count}× ${status}`);
  if (m.errors > 0) problems.push(`${m.errors} errors (${m.timeouts} timeouts)`);
  if (m.requests === 0) problems.push('no answer');
  return problems;
}

async function loadPage(
  page: CrawledPage,
  session: BenchSession,
  baseUrl: string,
  settings: BenchSettings,
  pageSettings: PageSettings,
): Promise<Pick<PageRow, 'mode' | 'measurement'>> {
  const slow = page.firstMs > SLOW_FIRST_MS;
  const url = `${baseUrl}${page.path}`;
  const headers = { cookie: session.cookieHeader() };
  console.log(`bench: loading ${page.route} (${page.path}, ${page.firstMs.toFixed(0)} ms alone)…`);
  const measurement = slow
    ? await measure(
        page.route,
        url,
        { ...settings, warmupSeconds: 0, durationSeconds: 600 },
        {
          headers,
          amount: pageSettings.slowRequests,
          timeoutSeconds: 120,
        },
      )
    : await measure(
        page.route,
        url,
        { ...settings, warmupSeconds: pageSettings.warmup, durationSeconds: pageSettings.seconds },
        { headers },
      );
  return { mode: slow ? 'requests' : 'duration', measurement };
}

async function measureRole(
  context: ScenarioContext,
  app: { baseUrl: string; databaseUri: string },
  person: (typeof ROLES)[number],
  pageSettings: PageSettings,
): Promise<PageRow[]> {
  const session = await loginDemoPerson(app.baseUrl, app.databaseUri, person.email, person);
  console.log(`bench: crawling as ${person.role}…`);
  const crawled = await crawlPages(session, app.baseUrl, HOME, pageSettings.maxRoutes);
  const rows: PageRow[] = [];
  for (const page of crawled) {
    const row: PageRow = {
      role: person.role,
      route: page.route,
      path: page.path,
      mode: 'not-loaded',
      firstMs: page.firstMs,
      problems: [],
    };
    rows.push(row);
    if (page.status >= 300) {
      // A redirect is where a link leads, not a page; an error is a failure.
      if (page.status >= 400) row.problems.push(`answered ${page.status} when crawled`);
      continue;
    }
    Object.assign(row, await loadPage(page, session, app.baseUrl, context.settings, pageSettings));
    const m = row.measurement!;
    row.problems.push(...answerProblems(m));
    const target = page.route === HOME ? HOME_P95_MS : PAGE_P95_MS;
    if ((m.latencyP95Ms ?? Infinity) > target) row.problems.push(`p95 above ${target} ms`);
  }
  return rows;
}

/**
 * Every page each demo role reaches, at a large Danish municipality's size (seed-municipality.ts), on an
 * app of its own: p50/p95 with 10 concurrent users, the front page against the bare page in the same run,
 * each role's home against the front page, and the app's and the database's memory before and after.
 */
export const pages: Scenario = {
  name: 'pages',
  summary: "every page of every role at a large municipality's size: p50/p95 with 10 users, targets checked",
  onlyWhenNamed: true,
  async run(context) {
    const pageSettings = readPageSettings();
    const scale = parseScale(process.env.BENCH_PAGES_SCALE, 'BENCH_PAGES_SCALE');
    const app = await context.ownApp();
    if (!app.databaseUri) throw new Error('the app did not announce its embedded database; cannot seed');
    const databaseUri = app.databaseUri;
    const notes: string[] = [];
    const warnings: string[] = [];
    const failures: string[] = [];
    if (scale < 1) warnings.push(`smaller municipality: BENCH_PAGES_SCALE=${scale} (the targets are for 1)`);
    if (pageSettings.roles.length < ROLES.length || pageSettings.maxRoutes < MAX_ROUTES_PER_ROLE)
      warnings.push(
        `not every page: roles ${pageSettings.roles.map((r) => r.role).join(', ')}, at most ${pageSettings.maxRoutes} routes each`,
      );
    console.log('bench: seeding the municipality…');
    const seed = await seedMunicipality(databaseUri, scale);
    notes.push(describeSeed(seed));
    const memory: Record<string, TreeMemory> = { 'after seeding': await treeMemory(app.pid) };

    const fast = {
      ...context.settings,
      warmupSeconds: pageSettings.warmup,
      durationSeconds: pageSettings.seconds,
    };
    const bare = await context.bare();
    console.log('bench: loading the front page and the bare page…');
    const front = await measure('front page (app)', `${app.baseUrl}/`, fast, {});
    const ceiling = await measure('front page (bare)', `${bare.baseUrl}/`, fast, {});
    const frontRatio = front.requestsPerSecond / Math.max(ceiling.requestsPerSecond, 1e-9);

    const rows: PageRow[] = [];
    for (const person of pageSettings.roles) {
      try {
        rows.push(
          ...(await measureRole(context, { baseUrl: app.baseUrl, databaseUri }, person, pageSettings)),
        );
      } catch (error) {
        if ((error as Error).message === 'interrupted') throw error;
        failures.push(`${person.role}: ${(error as Error).message}`);
      }
    }
    memory['after the load'] = await treeMemory(app.pid);

    const lines = ['', HEADER, '-'.repeat(HEADER.length)];
    const frontRow = (label: string, m: Measurement, problems: string[]) =>
      rowLine({
        role: 'anonymous',
        route: label,
        path: '/',
        mode: 'duration',
        firstMs: 0,
        measurement: m,
        problems,
      });
    lines.push(
      frontRow('/ (front page)', front, answerProblems(front)),
      frontRow('/ (bare page)', ceiling, answerProblems(ceiling)),
    );
    lines.push(...rows.map(rowLine));
    lines.push('');
    const check = (ok: boolean, text: string) => {
      lines.push(`${ok ? 'OK  ' : 'FAIL'} ${text}`);
      if (!ok) failures.push(text);
    };
    check(
      frontRatio >= FRONT_TO_BARE,
      `front page / bare page throughput ${frontRatio.toFixed(2)} (target ≥ ${FRONT_TO_BARE})`,
    );
    for (const home of rows.filter((row) => row.route === HOME && row.measurement)) {
      const ratio = home.measurement!.requestsPerSecond / Math.max(front.requestsPerSecond, 1e-9);
      check(
        ratio >= HOME_TO_FRONT,
        `${home.role}'s home / front page throughput ${ratio.toFixed(3)} (target ≥ ${HOME_TO_FRONT})`,
      );
    }
    for (const role of pageSettings.roles) {
      if (!rows.some((row) => row.role === role.role && row.route === HOME && row.measurement))
        check(false, `${role.role}: the home was not measured`);
    }
    const failedPages = rows.filter((row) => row.problems.length > 0);
    check(
      failedPages.length === 0,
      `pages within their targets and without errors: ${rows.length - failedPages.length} of ${rows.length}`,
    );
    for (const row of failedPages) failures.push(`${row.role} ${row.route}: ${row.problems.join('; ')}`);
    const after = memory['after the load']!;
    check(
      (after.server?.rssMb ?? Infinity) <= APP_RSS_MB,
      `app RSS after the run ${after.server?.rssMb.toFixed(0) ?? '?'} MB (target ≤ ${APP_RSS_MB} MB; database beside it ${after.childrenRssMb.toFixed(0)} MB)`,
    );
    for (const [when, m] of Object.entries(memory)) notes.push(`memory ${when}: ${describeMemory(m)}`);
    notes.push(
      `load: ${context.settings.connections} connections; fast pages ${pageSettings.warmup} s warm-up + ${pageSettings.seconds} s, ` +
        `pages slower than ${SLOW_FIRST_MS} ms alone ${pageSettings.slowRequests} requests without warm-up; ` +
        'times are to the whole response (autocannon), which for these server-rendered pages, sent in one piece, is the first byte plus the loopback transfer',
    );
    return {
      measurements: [],
      comparisons: [],
      notes,
      warnings,
      lines,
      targetFailures: failures.map((failure) => `pages: ${failure}`),
      details: { seed, memory, front, bare: ceiling, rows },
    };
  },
};
