import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { supplyReportFor } from './supply-demand-service.js';
import { vettingHealthFor } from './vetting-health-service.js';

/**
 * The municipality's report pages on its administrator's home: areas short of volunteers, and volunteers
 * whose børneattest runs out within the warning window or has run out (missing declarations are vetting's line).
 */
export async function reportPagesHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (!can(actor, 'reports:municipality') || !actor.municipalityCode) return [];
  const [supply, vetting] = await Promise.all([supplyReportFor(actor), vettingHealthFor(actor)]);
  return [
    { labelKey: 'reportPages.home.supply', count: supply.short.length, href: '/kommune/rapport/udbud' },
    {
      labelKey: 'reportPages.home.vetting',
      count: vetting.health.people.expiring + vetting.health.people.expired,
      href: '/kommune/rapport/godkendelser',
    },
  ];
}
