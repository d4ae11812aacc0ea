import { can, type Actor } from '../accounts/index.js';
import { OFFERS_TOPIC } from '../offers/index.js';
import { MEMBERSHIPS_TOPIC, ORGANISATIONS_TOPIC } from '../organisations/index.js';
import { VETTING_TOPIC } from '../vetting/index.js';
import { createReadModel } from '../../shared/db/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { supplyReportIn } from './supply-demand-service.js';
import { vettingHealthIn } from './vetting-health-service.js';

interface ReportHomeCounts {
  /** Areas short of volunteers, as the supply report counts them. */
  short: number;
  /** Active members whose børneattest runs out within the warning window or has run out. */
  expiringOrExpired: number;
}

/**
 * Each count is a whole report to compute (every running offer, open request and active member of the
 * municipality), while the home is opened all day: so the counts are kept per municipality within the
 * `reportHomeCounts` bound, refreshed in the background while in use and read again after this instance
 * writes to their sources.
 */
const reportHomeCounts = createReadModel<ReportHomeCounts>({
  bound: 'reportHomeCounts',
  capacity: 200,
  topics: [OFFERS_TOPIC, ORGANISATIONS_TOPIC, MEMBERSHIPS_TOPIC, VETTING_TOPIC],
  // The person who just changed a membership, a vetting record, an offer or an organisation sees it counted.
  afterWrite: 'wait',
  keyOfScope: (municipalityCode) => municipalityCode,
  load: async (municipalityCode) => {
    const now = new Date();
    const [supply, vetting] = await Promise.all([
      supplyReportIn(municipalityCode, now),
      vettingHealthIn(municipalityCode, now),
    ]);
    return {
      short: supply.short.length,
      expiringOrExpired: vetting.health.people.expiring + vetting.health.people.expired,
    };
  },
});

/**
 * The municipality's report pages on its administrator's home: areas short of volunteers, and volunteers
 * whose børneattest runs out within the warning window or has run out (missing declarations are vetting's line).
 */
export async function reportPagesHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (!can(actor, 'reports:municipality') || !actor.municipalityCode) return [];
  const { value } = await reportHomeCounts.get(actor.municipalityCode);
  return [
    { labelKey: 'reportPages.home.supply', count: value.short, href: '/kommune/rapport/udbud' },
    {
      labelKey: 'reportPages.home.vetting',
      count: value.expiringOrExpired,
      href: '/kommune/rapport/godkendelser',
    },
  ];
}
