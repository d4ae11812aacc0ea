import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Links that must never be requested by a crawler: logging out and switching language change the session. */
const NEVER_REQUESTED = [/^\/log-ud\b/, /^\/logout\b/, /^\/sprog\//];

/** Links that are not pages (files, health probes): requested for their status, never crawled as pages. */
const NOT_PAGES = [/^\/(css|img|js)\//, /^\/(livez|readyz)$/];

/** The path with its ids replaced, plus its query's names: pages of one kind share a pattern. */
function pathPattern(url: URL): string {
  const path = url.pathname.replace(/\/[0-9a-f]{24}(?=\/|$)/g, '/:id').replace(/\/\d{4}(?=\/|$)/g, '/:code');
  const keys = [...new Set(url.searchParams.keys())].sort().join('&');
  return keys ? `${path}?${keys}` : path;
}

/**
 * GET routes of the route table that no page links, on purpose, each with how people reach it instead.
 * The crawl fails on any other route that no crawled page links (or names in a GET form).
 */
const UNLINKED_ROUTES: Record<string, string> = {
  '/livez': 'a health probe for the platform that runs the app, not a page for people',
  '/readyz': 'a health probe for the platform that runs the app, not a page for people',
  '/bekraeft-email/:token': 'the link in the mail that confirms a new address',
  '/nulstil-adgangskode/:token': 'the link in the password reset mail',
  '/invitation/:token': 'the link in the invitation mail to a new staff member or member',
  '/samtykke/:token': "the family's own link, on their receipt and in the mails they are sent",
  '/log-ind/totp': 'the second step of logging in: the password step leads there',
  '/konto/totp/opsaet': 'logging in leads staff there until they have a second factor',
  '/log-ind/kommune/:code':
    "the login page's button for each municipality with its own identity provider; the demo municipality has none",
  '/log-ind/kommune/:code/videre':
    'the password step leads there when the address belongs to a municipality with its own identity provider',
  '/log-ind/kommune/svar': "the municipality's identity provider sends the browser back there after sign-in",
  '/frivillig/opfoelgning/:followUpId':
    'the link in the check-in mail; listed on /frivillig/opfoelgning only while one is open, and no crawled volunteer has one',
};

/** A route's path (`/sager/:requestId`) as a pattern any concrete path of it matches. */
function routePattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
}

/** The routes of which no linked path is a concrete instance, the deliberate exceptions aside. */
export function unlinkedRoutes(routes: readonly string[], linked: Iterable<string>): string[] {
  const paths = [...linked];
  return routes.filter(
    (route) => !(route in UNLINKED_ROUTES) && !paths.some((path) => routePattern(route).test(path)),
  );
}

function isFollowable(url: URL, origin: string): boolean {
  return isRequestable(url, origin) && !NOT_PAGES.some((pattern) => pattern.test(url.pathname));
}

/** Same origin and safe to request: everything but the links that change the session. */
function isRequestable(url: URL, origin: string): boolean {
  return url.origin === origin && !NEVER_REQUESTED.some((pattern) => pattern.test(url.pathname));
}

interface PageProblem {
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
 * sideways scrolling at 390 and 320 px. The other links the pages carry (files, exports, and pages of a
 * kind already visited often enough) are requested for their status too, as many of each kind as pages
 * are visited: a link answering 4xx or 5xx is a problem. Returns the pages visited, every problem found, and every
 * path the pages link.
 */
export async function crawl(page: Page, options: CrawlOptions) {
  const origin = new URL(options.baseUrl).origin;
  const queue = options.start.map((start) => new URL(start, options.baseUrl).href);
  const seen = new Set<string>(queue);
  const perPattern = new Map<string, number>();
  const visited: string[] = [];
  const problems: PageProblem[] = [];
  // Every same-origin path a crawled page links or sends a GET form to, followed or not (files too).
  const linked = new Set<string>();
  // Every requestable link (path and query) with the first page that carries it.
  const linkedFrom = new Map<string, string>();
  const answered = new Map<string, number>();
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
    answered.set(href, status);
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
    const targets = await page.$$eval('a[href], form', (elements) =>
      elements.flatMap((element) =>
        element instanceof HTMLAnchorElement
          ? [element.href]
          : (element as HTMLFormElement).method === 'get'
            ? [(element as HTMLFormElement).action]
            : [],
      ),
    );
    for (const target of targets) {
      const next = new URL(target);
      if (next.origin === origin) linked.add(next.pathname);
    }
    // Links marked download are files (CSV exports), not pages: only their status is checked.
    const anchors = await page.$$eval('a[href]', (elements) =>
      elements.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.hasAttribute('download') })),
    );
    for (const anchor of anchors) {
      const next = new URL(anchor.href);
      next.hash = '';
      if (!isRequestable(next, origin)) continue;
      if (!linkedFrom.has(next.href)) linkedFrom.set(next.href, url.pathname + url.search);
      if (anchor.download || !isFollowable(next, origin) || seen.has(next.href)) continue;
      seen.add(next.href);
      queue.push(next.href);
    }
  }
  // Pages visited have reported their own status above; every other link is asked for its status now,
  // up to the same number of each path pattern as pages are visited (ids differ, the route does not).
  const asked = new Map<string, number>();
  for (const href of answered.keys()) {
    const pattern = pathPattern(new URL(href));
    asked.set(pattern, (asked.get(pattern) ?? 0) + 1);
  }
  for (const [href, from] of linkedFrom) {
    if (answered.has(href)) continue;
    const link = new URL(href);
    const pattern = pathPattern(link);
    if ((asked.get(pattern) ?? 0) >= options.perPattern) continue;
    asked.set(pattern, (asked.get(pattern) ?? 0) + 1);
    const status = (await page.request.get(href, { failOnStatusCode: false })).status();
    if (status >= 400)
      problems.push({
        url: from,
        problem: `links to ${link.pathname + link.search}, which answers ${status}`,
      });
  }
  return { visited, patterns: new Set(perPattern.keys()), problems, linked };
}
