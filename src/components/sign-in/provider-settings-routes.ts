import { Router, type Request, type Response } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  renderForm,
  withFieldErrors,
  type Action,
} from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { identityProviderSchema } from './identity-provider-schemas.js';
import { providerFormValues, saveProvider } from './identity-provider-service.js';

const VIEW = 'sign-in/provider-settings';

/**
 * The page where a municipality's provider is configured: by its own administrator (the municipality
 * comes from the session), or by a platform administrator for any municipality (from the path).
 */
export function providerSettingsRoutes(settings: {
  baseUrl: string;
  encryptionKey: Buffer;
  production: boolean;
}): Router {
  const router = Router();
  const pages: Array<{ path: string; action: Action; codeOf: (req: Request) => string }> = [
    {
      path: '/kommune/log-ind-udbyder',
      action: 'municipality:configure',
      codeOf: (req) => currentActor(req)!.municipalityCode ?? '',
    },
    {
      path: '/platform/kommuner/:code/log-ind-udbyder',
      action: 'platform:manage',
      codeOf: (req) => String(req.params.code),
    },
  ];

  for (const page of pages) {
    const model = (req: Request, hasSecret: boolean) => {
      const code = page.codeOf(req);
      const municipality = /^\d{4}$/.test(code) ? findMunicipality(code) : undefined;
      if (!municipality) throw new NotFoundError();
      return {
        titleKey: 'signIn.settings.title',
        municipalityName: municipality.name,
        action: req.originalUrl.split('?')[0],
        redirectUri: `${settings.baseUrl}/log-ind/kommune/svar`,
        hasSecret,
        domainsEditable: page.action === 'platform:manage',
        levels: ['substantial', 'high', 'low', 'none'],
      };
    };
    const show = async (req: Request, res: Response) => {
      const { values, hasSecret } = await providerFormValues(currentActor(req)!, page.codeOf(req));
      renderForm(res, VIEW, model(req, hasSecret), {}, values);
    };

    defineRoute(
      router,
      { method: 'get', path: page.path, action: page.action },
      authorize(page.action),
      provideCsrfToken,
      show,
    );
    defineRoute(
      router,
      { method: 'post', path: page.path, action: page.action },
      authorize(page.action),
      provideCsrfToken,
      async (req, res) => {
        const actor = currentActor(req)!;
        const code = page.codeOf(req);
        const { hasSecret } = await providerFormValues(actor, code);
        const form = parseForm(identityProviderSchema, req.body);
        if (!form.ok) {
          // The secret is never sent back to the browser, not even the one just typed.
          const { clientSecret: _omitted, ...values } = form.values;
          return renderForm(res, VIEW, model(req, hasSecret), form.fieldErrors, values);
        }
        const { clientSecret: _typed, ...echoed } = req.body as Record<string, string>;
        delete echoed._csrf;
        await withFieldErrors(res, VIEW, model(req, hasSecret), echoed, async () => {
          await saveProvider(
            actor,
            code,
            form.data,
            settings.encryptionKey,
            contextFor(req, settings.baseUrl),
            settings.production,
          );
          flash(req, 'success', 'signIn.settings.saved');
          res.redirect(303, req.originalUrl.split('?')[0]!);
        });
      },
    );
  }
  return router;
}
