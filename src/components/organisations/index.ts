import type { AppConfig } from '../../config/index.js';
import { accountDeletingSignal, accountsSettings, invitationAcceptedSignal } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { listen } from '../../shared/wiring/index.js';
import { Router } from 'express';
import { approvalRoutes } from './approval-routes.js';
import { memberActionRoutes } from './member-action-routes.js';
import { memberRoutes } from './member-routes.js';
import { leaveAllOnDeletion } from './join-service.js';
import { registrationRoutes } from './registration-routes.js';
import { OrganisationModel } from './organisation-model.js';
import { MembershipModel } from './membership-model.js';
import { MembershipStepModel } from './membership-step-model.js';
import { admitInvitedMember } from './membership-service.js';
import { organisationsHomeItems } from './organisations-home.js';

export { upsertOrganisation, findOrganisation, describeOrganisations } from './organisation-service.js';
export type { OrganisationInput } from './organisation-service.js';
export {
  organisationsActiveIn,
  activeMembershipsOf,
  MEMBERSHIPS_TOPIC,
  ORGANISATIONS_TOPIC,
} from './organisation-matching-read.js';
export { activeMemberIdsOf } from './member-ids-read.js';
export { isActiveMember, listMemberships, membershipsOf, moveMembership } from './membership-service.js';
export {
  listJoinableOrganisations,
  organisationsOfMember,
  requestToJoin,
  leaveOrganisation,
} from './join-service.js';

/** Clubs, businesses and faith communities, and their members. */
export function organisationsComponent(config: AppConfig): Component {
  return {
    name: 'organisations',
    provides: [
      listen(invitationAcceptedSignal, admitInvitedMember),
      // A deleted account's open memberships end as "left"; their history stays for the documentation.
      listen(accountDeletingSignal, leaveAllOnDeletion),
    ],
    homeItems: (actor) => organisationsHomeItems(actor),
    router: Router().use(
      memberRoutes(accountsSettings(config)),
      memberActionRoutes(accountsSettings(config)),
      registrationRoutes(accountsSettings(config)),
      approvalRoutes(accountsSettings(config)),
    ),
    models: [OrganisationModel, MembershipModel, MembershipStepModel] as never[],
  };
}
