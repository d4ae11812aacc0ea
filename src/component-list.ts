import type { AppConfig } from './config/index.js';
import { accountsComponent } from './components/accounts/index.js';
import { municipalitiesComponent } from './components/municipalities/index.js';
import { organisationsComponent } from './components/organisations/index.js';
import { siteComponent } from './components/site/index.js';
import { AuditEventModel } from './shared/audit/index.js';
import { RateLimitHitModel, type Component } from './shared/http/index.js';
import { SessionRecordModel } from './shared/session/index.js';

/** Every component, in mounting order. Their models are the ones whose indexes start-up creates. */
export function defaultComponents(config: AppConfig): Component[] {
  return [
    siteComponent(config.env === 'production'),
    accountsComponent(config),
    municipalitiesComponent(config),
    organisationsComponent,
  ];
}

/** Every model whose indexes start-up creates: the components' and the infrastructure's own. */
export function allModels(config: AppConfig) {
  return [
    ...defaultComponents(config).flatMap((component) => component.models ?? []),
    ...([AuditEventModel, SessionRecordModel, RateLimitHitModel] as never[]),
  ];
}
