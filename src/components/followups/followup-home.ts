import { trusted } from 'mongoose';
import { matchStates } from '../requests/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import { copenhagenDate, statusOf, type StoredState } from './followup-rules.js';
import { overdueCheckInCount } from './followup-service.js';

/*
 * The home shows counts only, so it reads the fields the counts need and never asks who the child is or
 * what the volunteer is called: the pages behind each line do that for the follow-ups they list.
 */

/** The team overview's lines, counted by the same rules as the overview page (`teamOverview`). */
async function teamCounts(municipalityCode: string, now: Date) {
  const today = copenhagenDate(now);
  const [open, worries, plans] = await Promise.all([
    // Open and dated today or earlier: due or overdue, the overview's "needs attention".
    FollowUpModel.find(
      { municipalityCode, state: 'open', dueOn: trusted({ $lte: today }) },
      { dueOn: 1, state: 1, pausedOn: 1 },
    ).lean(),
    // Worries stay until someone records what was done, not merely until they are read.
    FollowUpModel.countDocuments({
      municipalityCode,
      worryRaisedAt: trusted({ $exists: true }),
      worryHandledAt: trusted({ $exists: false }),
    }),
    // One plan per match: both flags from one read.
    FollowUpPlanModel.find(
      { municipalityCode },
      { missedFlagAt: 1, vettingExpiredAt: 1, closedOn: 1 },
    ).lean(),
  ]);
  const statuses = open
    .filter((followUp) => !followUp.pausedOn)
    .map((followUp) => statusOf({ state: followUp.state as StoredState, dueOn: followUp.dueOn }, today));
  return {
    worries,
    vettingExpired: plans.filter((plan) => plan.vettingExpiredAt && !plan.closedOn).length,
    missed: plans.filter((plan) => plan.missedFlagAt).length,
    overdue: statuses.filter((status) => status === 'overdue').length,
    due: statuses.filter((status) => status === 'due').length,
  };
}

/** The volunteer's check-ins that can be answered now and are due or overdue (as `ownCheckIns` lists them). */
async function waitingCheckIns(volunteerId: string, now: Date) {
  const today = copenhagenDate(now);
  const open = await FollowUpModel.find(
    { volunteerId, state: 'open' },
    { matchId: 1, audience: 1, dueOn: 1, state: 1, pausedOn: 1 },
  ).lean();
  const own = open.filter((followUp) => followUp.audience === 'volunteer' && !followUp.pausedOn);
  // Only check-ins that can be answered now: the match runs (not paused, waiting for consent or closed).
  const states = await matchStates(own.map((followUp) => followUp.matchId));
  return own
    .filter((followUp) => states.get(followUp.matchId) === 'active')
    .map((followUp) => statusOf({ state: followUp.state as StoredState, dueOn: followUp.dueOn }, today))
    .filter((status) => status !== 'scheduled');
}

/** What follow-ups put on the home page of the active role (nothing for other roles). */
export async function followUpHomeItems(actor: HomeActor): Promise<HomeItem[]> {
  const now = new Date();
  if (actor.role === 'social-worker' && actor.municipalityCode) {
    const counts = await teamCounts(actor.municipalityCode, now);
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
    const waiting = await waitingCheckIns(actor.userId, now);
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
    const count = await overdueCheckInCount(actor.organisationId, now);
    return count > 0
      ? [{ labelKey: 'followups.home.notDone', count, href: '/forening/opfoelgning', urgency: 'due' }]
      : [];
  }
  return [];
}
