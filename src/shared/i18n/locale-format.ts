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

const MONTH = /^(\d{4})-(\d{2})$/;
const monthFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar month ("2026-03") as the language writes it ("marts 2026", "March 2026"); other text as it is. */
export function readableMonth(label: string, language: Language): string {
  const match = MONTH.exec(label);
  if (!match) return label;
  let format = monthFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(language, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)));
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

/** Parameters that hold a number people write without grouping: "2026", never "2.026". */
const WRITTEN_AS_IS = new Set(['year']);

/**
 * The options for one catalog text: every number among the parameters in the language's own format
 * ("16,4 km", "1.234 børn"; "16.4 km", "1,234 children"), while `count`, which picks the plural form,
 * stays a number for i18next (it reads `count` from the options and interpolates from `replace`).
 */
export function interpolationOptions(
  language: Language,
  params: Record<string, unknown>,
): { count?: number; replace: Record<string, unknown> } {
  const replace: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    replace[name] =
      typeof value === 'number' && Number.isFinite(value) && !WRITTEN_AS_IS.has(name)
        ? formatNumber(value, language)
        : value;
  }
  return typeof params.count === 'number' ? { count: params.count, replace } : { replace };
}
