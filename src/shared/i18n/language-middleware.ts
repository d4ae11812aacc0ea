import type { RequestHandler } from 'express';
import { DEFAULT_LANGUAGE, isSupportedLanguage, SUPPORTED_LANGUAGES, translatorFor } from './i18n.js';

export const LANGUAGE_COOKIE = 'lang';

/** Picks the page language: the visitor's explicit choice (cookie) first, then Accept-Language, then Danish. */
export const languageMiddleware: RequestHandler = (req, res, next) => {
  const chosen: unknown = req.cookies?.[LANGUAGE_COOKIE];
  const negotiated = req.acceptsLanguages([...SUPPORTED_LANGUAGES]);
  const language = isSupportedLanguage(chosen)
    ? chosen
    : isSupportedLanguage(negotiated)
      ? negotiated
      : DEFAULT_LANGUAGE;
  res.locals.lang = language;
  res.locals.t = translatorFor(language);
  const other = language === 'da' ? 'en' : 'da';
  res.locals.languageSwitch = {
    lang: other,
    href: `/sprog/${other}?tilbage=${encodeURIComponent(req.originalUrl)}`,
  };
  res.vary('Accept-Language');
  next();
};
