import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { goalsOf, defaultPeriod } from './reporting-service.js';

/** The municipal administrator's home: the outcome report, with how many of this year's goals are set. */
export async function reportingHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (!can(actor, 'reports:municipality') || !actor.municipalityCode) return [];
  const year = Number(defaultPeriod().to.slice(0, 4));
  const goals = await goalsOf(actor.municipalityCode, year);
  return [{ labelKey: 'reporting.home.goals', count: Object.keys(goals).length, href: '/kommune/rapport' }];
}
