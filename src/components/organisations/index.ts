import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { memberRoutes } from './member-routes.js';
import { OrganisationModel } from './organisation-model.js';

export { upsertOrganisation, countApprovedOrganisations, findOrganisation } from './organisation-service.js';
export type { OrganisationInput } from './organisation-service.js';
export { ORGANISATION_KINDS } from './organisation-model.js';

/** Clubs, businesses and faith communities, and their members (grows with the civil-society issue). */
export function organisationsComponent(config: AppConfig): Component {
  return {
    name: 'organisations',
    router: memberRoutes(accountsSettings(config)),
    models: [OrganisationModel as never],
  };
}
