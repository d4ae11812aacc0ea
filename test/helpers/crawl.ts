import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Links that must never be followed by a crawler: logging out, switching language, files. */
const SKIPPED = [/^\/log-ud\b/, /^\/logout\b/, /^\/sprog\//, /^\/(css|img|js)\//, /^\/(livez|readyz)$/];

/** The path with its ids replaced, plus its query's names: pages of one kind share a pattern. */
export function pathPattern(url: URL): string {
  const path = url.pathname.replace(/\/[0-9a-f]{24}(?=\/|$)/g, '/:id').replace(/\/\d{4}(?=\/|$)/g, '/:code');
  const keys = [...new Set(url.searchParams.keys())].sort().join('&');
  return keys ? `${path}?${keys}` : path;
}

export function isFollowable(url: URL, origin: string): boolean {
  return url.origin === origin && !SKIPPED.some((pattern) => pattern.test(url.pathname));
}

export interface PageProblem {
  url: string;
  problem: string;
}

export interface CrawlOptions {
  baseUrl: string;
  start: string[];
  /** At most this many pages of each path pattern (ids differ, the page does not). */
  perPattern: number;
  language: 'da' | 'en';
  /** Texts that only an error page shows. */
  errorTexts: string[];
  /** The width axe scans at (a phone shows scroll regions a desktop does not). */
  axeWidth: number;
  /** Patterns already checked for everyone (the public pages, by the anonymous crawl): not visited again. */
  skipPatterns?: ReadonlySet<string>;
}

/** Elements sticking out past the viewport's right edge at the current width (for a readable report). */
async function overflowAt(page: Page, width: number): Promise<string | undefined> {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return undefined;
    const culprits = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 3)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${Array.from(element.classList).join('.')}`,
      );
    return `page is ${root.scrollWidth}px wide (${culprits.join(', ')})`;
  });
}

async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
}

/**
 * Follows every same-origin link breadth-first from the start pages (GET only, so nothing changes) and
 * checks each page: no error status (4xx or 5xx), no error page, the chosen language, axe WCAG 2.1 A/AA, and no
 * sideways scrolling at 390 and 320 px. Returns the pages visited and every problem found.
 */
export async function crawl(page: Page, options: CrawlOptions) {
  const origin = new URL(options.baseUrl).origin;
  const queue = options.start.map((start) => new URL(start, options.baseUrl).href);
  const seen = new Set<string>(queue);
  const perPattern = new Map<string, number>();
  const visited: string[] = [];
  const problems: PageProblem[] = [];
  while (queue.length > 0) {
    const href = queue.shift()!;
    const url = new URL(href);
    const pattern = pathPattern(url);
    if ((perPattern.get(pattern) ?? 0) >= options.perPattern) continue;
    if (options.skipPatterns?.has(pattern) && !options.start.includes(url.pathname)) continue;
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    const report = (problem: string) => problems.push({ url: url.pathname + url.search, problem });
    await page.setViewportSize({ width: 1280, height: 800 });
    const response = await page.goto(href, { waitUntil: 'load' });
    visited.push(url.pathname + url.search);
    const status = response?.status() ?? 0;
    if (status >= 400 || status === 0) report(`answered ${status}`);
    const lang = await page.getAttribute('html', 'lang');
    if (lang !== options.language) report(`<html lang="${lang}">, expected "${options.language}"`);
    const body = (await page.textContent('main, body')) ?? '';
    for (const text of options.errorTexts) if (body.includes(text)) report(`shows the error text "${text}"`);
    await page.setViewportSize({ width: options.axeWidth, height: 800 });
    for (const problem of await axeProblems(page)) report(problem);
    for (const width of [390, 320]) {
      const overflow = await overflowAt(page, width);
      if (overflow) report(`scrolls sideways at ${width}px: ${overflow}`);
    }
    // Links marked download are files (CSV exports), not pages.
    const links = await page.$$eval('a[href]:not([download])', (anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const link of links) {
      const next = new URL(link);
      next.hash = '';
      if (!isFollowable(next, origin) || seen.has(next.href)) continue;
      seen.add(next.href);
      queue.push(next.href);
    }
  }
  return { visited, patterns: new Set(perPattern.keys()), problems };
}
