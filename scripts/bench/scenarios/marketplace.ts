import { assertLoopback } from '../measure.js';
import { BENCH_OFFERS, seedMarketplace } from '../seed-marketplace.js';
import { throughputRatio, type Scenario } from './types.js';

// Aarhus C: the densest part of the seeded data after Copenhagen, so a 25 km search finds many offers.
const POSTCODE = '8000';
const DISTANCE_KM = 25;
// The list is served from its read model, so it should keep pace with the front page: at least half
// its throughput, and a p99 at most three times the front page's.
const FRONT_PAGE_SHARE = 0.5;
const P99_FACTOR = 3;
const NO_TARGET = 0;

// The list may serve its value from before the seed for up to its bound (and the re-read takes a while).
const SEED_VISIBLE_WITHIN_MS = 60_000;

async function resultLine(url: string): Promise<string> {
  assertLoopback(url);
  const deadline = Date.now() + SEED_VISIBLE_WITHIN_MS;
  for (;;) {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    const found = Number(/(\d+) tilbud fundet/.exec(html)?.[1] ?? 0);
    // Measuring an empty list would measure nothing: wait until the seeded offers show.
    if (found > 0 || Date.now() > deadline) {
      return `${found} offers within ${DISTANCE_KM} km of ${POSTCODE}; page ${Buffer.byteLength(html)} B`;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** GET /tilbud filtered by distance over 5,000 offers, against the bare page and the app's front page. */
export const marketplace: Scenario = {
  name: 'marketplace',
  summary: `GET /tilbud?postnummer=${POSTCODE}&afstand=${DISTANCE_KM} over ${BENCH_OFFERS} offers vs. the bare page`,
  async run({ app, bare, measure }) {
    if (!app.databaseUri) throw new Error('the app did not announce its embedded database; cannot seed');
    const seeded = await seedMarketplace(app.databaseUri);
    const baseline = await bare();
    const marketUrl = `${app.baseUrl}/tilbud?postnummer=${POSTCODE}&afstand=${DISTANCE_KM}`;
    const notes = [`seeded ${seeded} offers over Danish postcodes`, await resultLine(marketUrl)];

    // Side by side: the front page right after the marketplace, under the same machine load.
    const market = await measure('marketplace by distance (app)', marketUrl);
    const front = await measure('front page (app)', `${app.baseUrl}/`);
    const ceiling = await measure('bare page', `${baseline.baseUrl}/`);
    const p99Limit = front.latencyP99Ms * P99_FACTOR;
    return {
      measurements: [market, front, ceiling],
      comparisons: [
        throughputRatio('marketplace / bare', market, ceiling, NO_TARGET),
        throughputRatio('marketplace / front page', market, front, FRONT_PAGE_SHARE),
      ],
      notes: [
        ...notes,
        `p99: marketplace ${market.latencyP99Ms} ms, front page ${front.latencyP99Ms} ms, bare ${ceiling.latencyP99Ms} ms` +
          ` (target: marketplace ≤ ${P99_FACTOR}× the front page = ${p99Limit} ms)`,
      ],
      warnings:
        market.latencyP99Ms > p99Limit
          ? [
              `marketplace p99 ${market.latencyP99Ms} ms is above ${P99_FACTOR}× the front page's (${p99Limit} ms)`,
            ]
          : [],
    };
  },
};
