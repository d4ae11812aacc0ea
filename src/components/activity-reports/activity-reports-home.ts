import { can, type Actor } from '../accounts/index.js';
import { listOwnOffers } from '../offers/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { reportedMeetings } from './volunteer-record-service.js';

/**
 * The report's line on the coordinator's home (with how many offers it covers) and the record's on the
 * volunteer's (with the meetings reported so far). Neither waits for anyone, so neither asks for attention.
 */
export async function activityReportsHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (actor.organisationId && can(actor, 'reports:organisation', { organisationId: actor.organisationId })) {
    const offers = await listOwnOffers(actor);
    return [
      { labelKey: 'activityReports.home.organisation', count: offers.length, href: '/forening/rapport' },
    ];
  }
  if (can(actor, 'reports:own-volunteering', { ownerId: actor.userId })) {
    const meetings = await reportedMeetings(actor);
    return [{ labelKey: 'activityReports.home.volunteer', count: meetings, href: '/frivillig/min-indsats' }];
  }
  return [];
}
