import { assertLoopback } from '../measure.js';
import { throughputRatio, type Scenario } from './types.js';

// The front page should reach at least 60 % of the bare server's throughput.
const TARGET_RATIO = 0.6;
// The comparison is only fair while both pages are about the same size; beyond this, warn.
const MAX_SIZE_DIFFERENCE = 0.25;

async function pageBytes(url: string): Promise<number> {
  assertLoopback(url);
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return body.length;
}

/** GET / on the real app (helmet, request logging, i18n, cookies, DB guard) against the bare ceiling. */
export const frontPage: Scenario = {
  name: 'front-page',
  summary: 'GET / on Brobygning vs. a bare Express + handlebars page of the same shape',
  async run({ app: sharedApp, bare, measure }) {
    const app = await sharedApp();
    const baseline = await bare();
    const appUrl = `${app.baseUrl}/`;
    const bareUrl = `${baseline.baseUrl}/`;

    const appBytes = await pageBytes(appUrl);
    const bareBytes = await pageBytes(bareUrl);
    const notes = [`page size: front page ${appBytes} B, bare ${bareBytes} B`];
    const warnings: string[] = [];
    if (Math.abs(bareBytes - appBytes) / appBytes > MAX_SIZE_DIFFERENCE) {
      warnings.push(
        `the bare page (${bareBytes} B) is no longer comparable to the front page (${appBytes} B): ` +
          'adjust scripts/bench/bare-content.ts',
      );
    }

    const front = await measure('front page (app)', appUrl);
    const ceiling = await measure('front page (bare)', bareUrl);
    return {
      measurements: [front, ceiling],
      comparisons: [throughputRatio('front page / bare', front, ceiling, TARGET_RATIO)],
      notes,
      warnings,
    };
  },
};
