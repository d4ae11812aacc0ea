import type { HelperOptions } from 'handlebars';
import {
  DEFAULT_LANGUAGE,
  formatDate,
  formatDateTime,
  formatNumber,
  isSupportedLanguage,
} from '../../i18n/index.js';

function pageLanguage(options: HelperOptions) {
  const lang = (options.data?.root as { lang?: unknown } | undefined)?.lang;
  return isSupportedLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/** {{formatDate value}}: a date in the page's locale (da-DK by default), Copenhagen time. */
export function formatDateHelper(value: Date | string, options: HelperOptions): string {
  return formatDate(new Date(value), pageLanguage(options));
}

/** {{formatNumber value}}: a number in the page's locale (1.234,5 in Danish). */
export function formatNumberHelper(value: number, options: HelperOptions): string {
  return formatNumber(value, pageLanguage(options));
}

/** {{formatDateTime value}}: date and time in the page's locale, Copenhagen time. */
export function formatDateTimeHelper(value: Date | string, options: HelperOptions): string {
  return formatDateTime(new Date(value), pageLanguage(options));
}
