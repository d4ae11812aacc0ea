import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { notClosedRequestCount, workerRequestsFor } from '../case-reads/index.js';

/**
 * The way to the caseload over time: one's own for a social worker, the team's for a leader or administrator,
 * with the cases not closed counted (the caseload page lists them).
 */
export async function caseloadHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  const municipalityCode = actor.municipalityCode;
  if (!municipalityCode) return [];
  if (can(actor, 'caseload:own', { municipalityCode })) {
    // The same read of the worker's cases that the requests' lines on this home use.
    const requests = await workerRequestsFor(homeActor as Actor & { municipalityCode: string });
    const count = requests.length;
    return [{ labelKey: 'caseload.home.own', count, href: '/sager/rapport' }];
  }
  if (can(actor, 'caseload:team', { municipalityCode })) {
    const count = await notClosedRequestCount(municipalityCode);
    return [{ labelKey: 'caseload.home.team', count, href: '/kommune/rapport/team' }];
  }
  return [];
}
