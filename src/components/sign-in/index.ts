import type { AppConfig } from '../../config/index.js';
import { externalSignInSeam } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { provide } from '../../shared/wiring/index.js';
import { Router } from 'express';
import { EmailDomainClaimModel } from './email-domain-model.js';
import { IdentityProviderModel } from './identity-provider-model.js';
import { signInChoices, signInPathForEmail } from './identity-provider-service.js';
import { providerSettingsRoutes } from './provider-settings-routes.js';
import { CALLBACK_PATH, signInRoutes } from './sign-in-routes.js';

/** Staff sign in through their municipality's OpenID Connect provider; accounts keeps users and sessions. */
export function signInComponent(config: AppConfig): Component {
  const settings = {
    baseUrl: config.publicBaseUrl,
    encryptionKey: config.dataEncryptionKey,
    timeoutMs: config.identityProviderTimeoutMs,
    production: config.env === 'production',
    redirectUri: `${config.publicBaseUrl}${CALLBACK_PATH}`,
  };
  return {
    name: 'sign-in',
    router: Router().use(signInRoutes(settings), providerSettingsRoutes(settings)),
    models: [IdentityProviderModel as never, EmailDomainClaimModel as never],
    provides: [provide(externalSignInSeam, { choices: signInChoices, routeForEmail: signInPathForEmail })],
  };
}
