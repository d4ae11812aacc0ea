import { can, type Actor } from '../accounts/index.js';
import { offerCountOf } from '../offers/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { matchesHad } from './volunteer-record-service.js';

/**
 * The report's line on the coordinator's home (with how many offers it covers) and the record's on the
 * volunteer's (with how many matches they have had). Neither waits for anyone, so neither asks for attention.
 */
export async function activityReportsHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (actor.organisationId && can(actor, 'reports:organisation', { organisationId: actor.organisationId })) {
    const count = await offerCountOf(actor.organisationId);
    return [{ labelKey: 'activityReports.home.organisation', count, href: '/forening/rapport' }];
  }
  if (can(actor, 'reports:own-volunteering', { ownerId: actor.userId })) {
    const count = await matchesHad(actor);
    return [{ labelKey: 'activityReports.home.volunteer', count, href: '/frivillig/min-indsats' }];
  }
  return [];
}
