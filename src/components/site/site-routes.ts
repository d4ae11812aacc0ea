import { Router } from 'express';
import { isSupportedLanguage, LANGUAGE_COOKIE } from '../../shared/i18n/index.js';
import { defineRoute, safeLocalPath } from '../../shared/http/index.js';
import { authorize } from '../accounts/index.js';
import { ACCESSIBILITY_STATEMENT_UPDATED, frontPageAudiences } from './site-content.js';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function siteRoutes(secureCookies: boolean): Router {
  const router = Router();
  const open = authorize('public');

  defineRoute(router, { method: 'get', path: '/', action: 'public' }, open, (_req, res) => {
    res.render('site/home', { titleKey: 'site.home.title', audiences: frontPageAudiences() });
  });

  defineRoute(router, { method: 'get', path: '/tilgaengelighed', action: 'public' }, open, (_req, res) => {
    res.render('site/accessibility', {
      titleKey: 'site.accessibility.title',
      statementUpdated: ACCESSIBILITY_STATEMENT_UPDATED,
    });
  });

  // A plain link switches language, so it works without JavaScript. It only stores the visitor's
  // own display preference in a cookie, changes nothing on the server, and redirects to a local path.
  defineRoute(router, { method: 'get', path: '/sprog/:lang', action: 'public' }, open, (req, res, next) => {
    const { lang } = req.params;
    if (!isSupportedLanguage(lang)) {
      next();
      return;
    }
    res.cookie(LANGUAGE_COOKIE, lang, {
      maxAge: ONE_YEAR_MS,
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
    });
    res.redirect(303, safeLocalPath(req.query.tilbage));
  });

  return router;
}
