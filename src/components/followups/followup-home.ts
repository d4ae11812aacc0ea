import { matchStates } from '../requests/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { followUpDesk, type FollowUpDesk, type OpenFollowUp } from './followup-desk.js';
import { copenhagenDate, statusOf } from './followup-rules.js';

/*
 * The home shows counts only, so it reads the fields the counts need and never asks who the child is or
 * what the volunteer is called: the pages behind each line do that for the follow-ups they list. The
 * counts come from one bounded read of what is open (followup-desk.ts), judged on the day they are shown.
 */

const statusToday = (followUp: OpenFollowUp, today: string) =>
  statusOf({ state: followUp.state, dueOn: followUp.dueOn }, today);

/** The team overview's lines, counted by the same rules as the overview page (`teamOverview`). */
function teamCounts(desk: FollowUpDesk, municipalityCode: string, now: Date) {
  const today = copenhagenDate(now);
  const entry = desk.byMunicipality.get(municipalityCode);
  // Open and dated today or earlier, not paused: due or overdue, the overview's "needs attention".
  const statuses = (entry?.open ?? [])
    .filter((followUp) => !followUp.pausedOn && followUp.dueOn <= today)
    .map((followUp) => statusToday(followUp, today));
  return {
    worries: entry?.worries ?? 0,
    vettingExpired: entry?.vettingExpired ?? 0,
    missed: entry?.missed ?? 0,
    overdue: statuses.filter((status) => status === 'overdue').length,
    due: statuses.filter((status) => status === 'due').length,
  };
}

/** The volunteer's check-ins that can be answered now and are due or overdue (as `ownCheckIns` lists them). */
async function waitingCheckIns(desk: FollowUpDesk, volunteerId: string, now: Date) {
  const today = copenhagenDate(now);
  const own = (desk.byVolunteer.get(volunteerId) ?? []).filter(
    (followUp) => !followUp.pausedOn && statusToday(followUp, today) !== 'scheduled',
  );
  if (own.length === 0) return [];
  // Only check-ins that can be answered now: the match runs (not paused, waiting for consent or closed).
  const states = await matchStates(own.map((followUp) => followUp.matchId));
  return own
    .filter((followUp) => states.get(followUp.matchId) === 'active')
    .map((followUp) => statusToday(followUp, today));
}

/** How many of the organisation's check-ins are overdue (as the coordinator's list judges them). */
function overdueCheckIns(desk: FollowUpDesk, organisationId: string, now: Date): number {
  const today = copenhagenDate(now);
  return (desk.byOrganisation.get(organisationId) ?? []).filter(
    (followUp) => statusToday(followUp, today) === 'overdue',
  ).length;
}

/** What follow-ups put on the home page of the active role (nothing for other roles). */
export async function followUpHomeItems(actor: HomeActor): Promise<HomeItem[]> {
  const now = new Date();
  if (actor.role === 'social-worker' && actor.municipalityCode) {
    const counts = teamCounts(await followUpDesk(), actor.municipalityCode, now);
    const items: HomeItem[] = [
      { labelKey: 'worry.home.unhandled', count: counts.worries, href: '/opfoelgning', urgency: 'worry' },
      {
        labelKey: 'followups.home.vettingExpired',
        count: counts.vettingExpired,
        href: '/opfoelgning',
        urgency: 'overdue',
      },
      { labelKey: 'followups.home.missed', count: counts.missed, href: '/opfoelgning', urgency: 'overdue' },
      { labelKey: 'followups.home.overdue', count: counts.overdue, href: '/opfoelgning', urgency: 'overdue' },
      { labelKey: 'followups.home.due', count: counts.due, href: '/opfoelgning', urgency: 'due' },
    ];
    return items.filter((item) => item.count > 0);
  }
  if (actor.role === 'volunteer') {
    const waiting = await waitingCheckIns(await followUpDesk(), actor.userId, now);
    // A check-in waiting for the volunteer's answer is their work: overdue when any of them is.
    const urgency = waiting.includes('overdue') ? 'overdue' : 'due';
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
    const count = overdueCheckIns(await followUpDesk(), actor.organisationId, now);
    return count > 0
      ? [{ labelKey: 'followups.home.notDone', count, href: '/forening/opfoelgning', urgency: 'due' }]
      : [];
  }
  return [];
}
