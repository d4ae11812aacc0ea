import type { HelperOptions } from 'handlebars';
import { DEFAULT_LANGUAGE, isSupportedLanguage, plainText, translatorFor } from '../../i18n/index.js';

/** {{t "key" name=value}}: the catalog text in the page's language; Handlebars escapes the result. */
export function tHelper(key: string, options: HelperOptions): string {
  const root = options.data?.root as { lang?: unknown } | undefined;
  const language = isSupportedLanguage(root?.lang) ? root.lang : DEFAULT_LANGUAGE;
  const params = options.hash as Record<string, unknown>;
  if (Object.keys(params).length === 0) return plainText(language, key);
  return translatorFor(language)(key, { ...params }) as string;
}
