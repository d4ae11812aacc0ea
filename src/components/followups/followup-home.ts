import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { overdueCheckInCount, ownCheckIns, teamOverview } from './followup-service.js';

/** What follow-ups put on the home page of the active role (nothing for other roles). */
export async function followUpHomeItems(actor: HomeActor): Promise<HomeItem[]> {
  const now = new Date();
  if (actor.role === 'social-worker' && actor.municipalityCode) {
    const overview = await teamOverview(actor.municipalityCode, now);
    const items: HomeItem[] = [
      {
        labelKey: 'worry.home.unhandled',
        count: overview.worries.length,
        href: '/opfoelgning',
        urgency: 'worry',
      },
      {
        labelKey: 'followups.home.vettingExpired',
        count: overview.vettingExpired.length,
        href: '/opfoelgning',
        urgency: 'overdue',
      },
      {
        labelKey: 'followups.home.missed',
        count: overview.missed.length,
        href: '/opfoelgning',
        urgency: 'overdue',
      },
      {
        labelKey: 'followups.home.overdue',
        count: overview.overdueCount,
        href: '/opfoelgning',
        urgency: 'overdue',
      },
      { labelKey: 'followups.home.due', count: overview.due.length, href: '/opfoelgning', urgency: 'due' },
    ];
    return items.filter((item) => item.count > 0);
  }
  if (actor.role === 'volunteer') {
    const waiting = (await ownCheckIns(actor.userId, now)).filter(
      (checkIn) => checkIn.status !== 'scheduled',
    );
    // A check-in waiting for the volunteer's answer is their work: overdue when any of them is.
    const urgency = waiting.some((checkIn) => checkIn.status === 'overdue') ? 'overdue' : 'due';
    return waiting.length > 0
      ? [
          {
            labelKey: 'followups.home.checkIns',
            count: waiting.length,
            href: '/frivillig/opfoelgning',
            urgency,
          },
        ]
      : [];
  }
  if (actor.role === 'coordinator' && actor.organisationId) {
    const notDone = await overdueCheckInCount(actor.organisationId, now);
    return notDone > 0
      ? [
          {
            labelKey: 'followups.home.notDone',
            count: notDone,
            href: '/forening/opfoelgning',
            urgency: 'due',
          },
        ]
      : [];
  }
  return [];
}
