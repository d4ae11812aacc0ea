import i18next, { type TFunction } from 'i18next';
import da from './locales/da.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const SUPPORTED_LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

const instance = i18next.createInstance();
// With inline resources and initAsync: false, init completes synchronously, so no top-level await
// (mocha loads some modules through require(), which cannot wait).
void instance.init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  // Handlebars escapes every {{ }} output itself; escaping here too would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function translatorFor(language: Language): TFunction {
  return instance.getFixedT(language);
}

/** True when a key exists in the catalog of the given language (used by the catalog parity test). */
export function hasTranslation(language: Language, key: string): boolean {
  return instance.exists(key, { lng: language, fallbackLng: false });
}
