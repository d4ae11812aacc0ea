import type { AppConfig } from '../../config/index.js';
import { accountsSettings, onInvitationAccepted } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { Router } from 'express';
import { approvalRoutes } from './approval-routes.js';
import { memberRoutes } from './member-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { OrganisationModel } from './organisation-model.js';
import { MembershipModel } from './membership-model.js';
import { admitInvitedMember } from './membership-service.js';

export { upsertOrganisation, countApprovedOrganisations, findOrganisation } from './organisation-service.js';
export type { OrganisationInput } from './organisation-service.js';
export { ORGANISATION_KINDS } from './organisation-model.js';
export { isValidCvr } from './organisation-rules.js';
export {
  isActiveMember,
  listMemberships,
  membershipsOf,
  moveMembership,
  type MemberView,
} from './membership-service.js';
export { MEMBERSHIP_STATUSES, type MembershipStatus } from './membership-rules.js';

/** Clubs, businesses and faith communities, and their members (grows with the civil-society issue). */
export function organisationsComponent(config: AppConfig): Component {
  onInvitationAccepted(admitInvitedMember);
  return {
    name: 'organisations',
    router: Router().use(
      memberRoutes(accountsSettings(config)),
      registrationRoutes(accountsSettings(config)),
      approvalRoutes(accountsSettings(config)),
    ),
    models: [OrganisationModel, MembershipModel] as never[],
  };
}
