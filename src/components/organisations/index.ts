import type { Component } from '../../shared/http/index.js';
import { OrganisationModel } from './organisation-model.js';

export { upsertOrganisation, countApprovedOrganisations } from './organisation-service.js';
export type { OrganisationInput } from './organisation-service.js';
export { ORGANISATION_KINDS } from './organisation-model.js';

export const organisationsComponent: Component = {
  name: 'organisations',
  models: [OrganisationModel as never],
};
