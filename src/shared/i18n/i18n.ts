import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

export const SUPPORTED_LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

const LOCALES_DIR = fileURLToPath(new URL('./locales', import.meta.url));

/** Each language is a folder of catalogs, one per area (site.json, accounts.json …); the file name is the top key. */
export function loadCatalog(language: Language): Record<string, unknown> {
  const dir = path.join(LOCALES_DIR, language);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [path.basename(file, '.json'), JSON.parse(readFileSync(path.join(dir, file), 'utf8'))]),
  );
}

const instance = i18next.createInstance();
// With inline resources and initAsync: false, init completes synchronously, so no top-level await
// (mocha loads some modules through require(), which cannot wait).
void instance.init({
  resources: { da: { translation: loadCatalog('da') }, en: { translation: loadCatalog('en') } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  // Handlebars escapes every {{ }} output itself; escaping here too would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const translators = new Map<Language, TFunction>();

/** One fixed translator per language, made once: getFixedT copies i18next's options on every call. */
export function translatorFor(language: Language): TFunction {
  let translator = translators.get(language);
  if (!translator) {
    translator = instance.getFixedT(language);
    translators.set(language, translator);
  }
  return translator;
}

const plainTexts = new Map<Language, Map<string, string>>();

/**
 * A catalog text without parameters, memoised: the catalogs are fixed at start-up, and a page asks for
 * dozens of these, so this keeps i18next off the hot path of every render.
 */
export function plainText(language: Language, key: string): string {
  let texts = plainTexts.get(language);
  if (!texts) {
    texts = new Map();
    plainTexts.set(language, texts);
  }
  let text = texts.get(key);
  if (text === undefined) {
    text = String(translatorFor(language)(key));
    texts.set(key, text);
  }
  return text;
}
