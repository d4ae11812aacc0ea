import type { HelperOptions } from 'handlebars';
import { LRUCache } from 'lru-cache';
import {
  DEFAULT_LANGUAGE,
  interpolationOptions,
  isSupportedLanguage,
  plainText,
  translatorFor,
} from '../../i18n/index.js';

/** {{t "key" name=value}}: the catalog text in the page's language; Handlebars escapes the result. */
export function tHelper(key: string, options: HelperOptions): string {
  const root = options.data?.root as { lang?: unknown } | undefined;
  const language = isSupportedLanguage(root?.lang) ? root.lang : DEFAULT_LANGUAGE;
  const params = options.hash as Record<string, unknown>;
  if (Object.keys(params).length === 0) return plainText(language, key);
  // The catalogs are fixed at start-up, so a text with the same parameters is the same text: list pages
  // repeat a few of them per row ("ages 8–12", "2 of 3 places free"), and interpolating is the cost.
  const memoKey = `${language}\u0000${key}\u0000${JSON.stringify(params)}`;
  let text = texts.get(memoKey);
  if (text === undefined) {
    text = translatorFor(language)(key, interpolationOptions(language, params)) as string;
    texts.set(memoKey, text);
  }
  return text;
}

const texts = new LRUCache<string, string>({ max: 20_000 });
