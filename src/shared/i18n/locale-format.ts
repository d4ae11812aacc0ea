import type { Language } from './i18n.js';

// Danish pages follow Danish conventions; English pages use British English with the same time zone.
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const TIME_ZONE = 'Europe/Copenhagen';

export function formatDate(value: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: TIME_ZONE }).format(value);
}

export function formatDateTime(value: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(value);
}

// Building a number format costs far more than using one; a list page formats a number per row.
const numberFormats = new Map<Language, Intl.NumberFormat>();

export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language]);
    numberFormats.set(language, format);
  }
  return format.format(value);
}
