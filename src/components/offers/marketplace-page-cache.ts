import { LRUCache } from 'lru-cache';
import type { Loaded } from '../../shared/db/index.js';
import type { MarketplaceData } from './marketplace-read-model.js';

/**
 * The marketplace list's main content, rendered once per (loaded read-model value, language, day, search)
 * and reused: rendering ~20 offer cards with their translated texts is most of a request's cost, and the
 * same value, language and search always render the same HTML. Only the content below the site header is
 * kept, which is the same for every visitor; the layout (who is logged in, the flash message, the
 * language switch) is rendered per request around it.
 *
 * It can never be older than the value it was rendered from: the kept pages belong to one loaded value,
 * and the first request that sees a newer value drops them all. Bounded by size (the search key is
 * chosen by the visitor, so it cannot be trusted to repeat).
 */
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_PAGES = 1_000;

interface Pages {
  data: MarketplaceData;
  loadedAt: number;
  html: LRUCache<string, string>;
}

let current: Pages | undefined;

/** The kept pages of `loaded`, or undefined when a newer value is already kept (nothing is kept for it). */
function pagesOf({ value, loadedAt }: Loaded<MarketplaceData>): LRUCache<string, string> | undefined {
  if (current?.data === value) return current.html;
  if (current && current.loadedAt > loadedAt.getTime()) return undefined;
  current?.html.clear();
  current = {
    data: value,
    loadedAt: loadedAt.getTime(),
    html: new LRUCache<string, string>({
      max: MAX_PAGES,
      maxSize: MAX_BYTES,
      // Characters, not bytes: close enough for a bound that only has to hold memory down.
      sizeCalculation: (html) => Math.max(1, html.length),
    }),
  };
  return current.html;
}

/** The page for `key` rendered from `loaded`: kept while it is the newest value this instance has seen. */
export async function renderedMarketplacePage(
  loaded: Loaded<MarketplaceData>,
  key: string,
  render: () => Promise<string>,
): Promise<string> {
  const kept = pagesOf(loaded)?.get(key);
  if (kept !== undefined) return kept;
  const html = await render();
  // A newer value may have arrived while rendering: the page then belongs to a value no longer served.
  if (current?.data === loaded.value) current.html.set(key, html);
  return html;
}

/** How many pages are kept for the current value: for tests. */
export function keptMarketplacePages(): number {
  return current?.html.size ?? 0;
}
