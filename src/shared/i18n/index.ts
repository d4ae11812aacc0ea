export { DEFAULT_LANGUAGE, isSupportedLanguage, translatorFor, plainText, loadCatalog } from './i18n.js';
export type { Language } from './i18n.js';
export {
  formatDate,
  formatDateTime,
  formatNumber,
  interpolationOptions,
  readableMonth,
} from './locale-format.js';
export { languageMiddleware, LANGUAGE_COOKIE } from './language-middleware.js';
