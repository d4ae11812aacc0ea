import type { HelperOptions } from 'handlebars';
import { DEFAULT_LANGUAGE, isSupportedLanguage, translatorFor } from '../../i18n/index.js';

/** {{t "key" name=value}}: the catalog text in the page's language; Handlebars escapes the result. */
export function tHelper(key: string, options: HelperOptions): string {
  const root = options.data?.root as { lang?: unknown } | undefined;
  const language = isSupportedLanguage(root?.lang) ? root.lang : DEFAULT_LANGUAGE;
  return translatorFor(language)(key, { ...options.hash }) as string;
}
