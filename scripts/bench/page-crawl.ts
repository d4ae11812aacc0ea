// Finds the pages a logged-in person reaches: follows same-origin links breadth-first from their home
// (GET only, so nothing changes), one URL per route (ids collapsed: /sager/abc and /sager/def count once;
// the query is ignored). The same idea as the browser crawl of the tests, on plain HTML.
import { performance } from 'node:perf_hooks';
import type { BenchSession } from './bench-login.js';

/** Links never followed: logging out, switching language, files, health probes. */
const SKIPPED = [/^\/log-ud\b/, /^\/logout\b/, /^\/sprog\//, /^\/(css|img|js)\//, /^\/(livez|readyz)$/];
const ID_SEGMENT = /\/[0-9a-f]{24}[^/]*(?=\/|$)/g;
const CODE_SEGMENT = /\/\d{4}(?=\/|$)/g;

/** The route a path belongs to: ids (and ids with a suffix, like a follow-up's) and municipality codes collapsed. */
function routeOf(pathname: string): string {
  return pathname.replace(ID_SEGMENT, '/:id').replace(CODE_SEGMENT, '/:code');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x3D;': '=',
  '&lt;': '<',
  '&gt;': '>',
};

/** Every link of the page that is not marked as a download (a CSV export is a file, not a page). */
function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b([^>]*)>/gi)) {
    const attributes = match[1]!;
    if (/\sdownload\b/i.test(attributes)) continue;
    const href = /\shref="([^"]*)"/i.exec(attributes)?.[1];
    if (href)
      links.push(href.replace(/&(amp|quot|#39|#x3D|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity));
  }
  return links;
}

export interface CrawledPage {
  route: string;
  /** Path and query, as linked. */
  path: string;
  status: number;
  /** One request on its own, while crawling: tells a slow page before it is loaded. */
  firstMs: number;
  bytes: number;
}

export async function crawlPages(
  session: BenchSession,
  baseUrl: string,
  start: string,
  maxRoutes: number,
): Promise<CrawledPage[]> {
  const origin = new URL(baseUrl).origin;
  const queue = [start];
  const routes = new Set<string>([routeOf(new URL(start, baseUrl).pathname)]);
  const pages: CrawledPage[] = [];
  while (queue.length > 0 && pages.length < maxRoutes) {
    const path = queue.shift()!;
    const started = performance.now();
    const response = await session.get(path);
    const html = await response.text();
    const firstMs = performance.now() - started;
    pages.push({
      route: routeOf(new URL(path, baseUrl).pathname),
      path,
      status: response.status,
      firstMs,
      bytes: html.length,
    });
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html'))
      continue;
    for (const link of linksOf(html)) {
      const next = new URL(link, new URL(path, baseUrl));
      if (next.origin !== origin || SKIPPED.some((pattern) => pattern.test(next.pathname))) continue;
      const route = routeOf(next.pathname);
      if (routes.has(route)) continue;
      routes.add(route);
      queue.push(next.pathname + next.search);
    }
  }
  return pages;
}
