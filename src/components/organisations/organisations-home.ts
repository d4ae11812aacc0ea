import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { MembershipModel } from './membership-model.js';
import { OrganisationModel } from './organisation-model.js';

/** Organisations' lines on the home: join requests, one's own organisations, approvals waiting. */
export async function organisationsHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (actor.organisationId && can(actor, 'members:manage', { organisationId: actor.organisationId })) {
    const count = await MembershipModel.countDocuments({
      organisationId: actor.organisationId,
      status: 'requested',
    });
    return [
      { labelKey: 'home.organisations.joinRequests', count, href: '/forening/medlemmer', urgency: 'due' },
    ];
  }
  if (can(actor, 'volunteer:manage-own', { ownerId: actor.userId })) {
    const count = await MembershipModel.countDocuments({ userId: actor.userId, status: 'active' });
    return [{ labelKey: 'home.organisations.ownOrganisations', count, href: '/frivillig/foreninger' }];
  }
  const code = actor.municipalityCode;
  if (code && can(actor, 'organisations:approve', { municipalityCode: code })) {
    const organisations = await OrganisationModel.find({ municipalityCodes: code }, { approvals: 1 })
      .limit(2000)
      .lean();
    const count = organisations.filter((organisation) =>
      organisation.approvals.some((a) => a.municipalityCode === code && a.decision === 'pending'),
    ).length;
    return [
      {
        labelKey: 'home.organisations.awaitingApproval',
        count,
        href: '/kommune/foreninger',
        urgency: 'due',
      },
    ];
  }
  return [];
}
