import { trusted } from 'mongoose';
import { matchFacts, type MatchFacts, type MatchMoved } from '../requests/index.js';
import { settingsOf } from '../municipalities/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { claimItem, completeClaim, INSTANCE_ID } from '../../shared/jobs/index.js';
import { announceFollowUpWrite } from './followup-desk.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import {
  closingDueOn,
  copenhagenDate,
  daysBetween,
  firstDueOn,
  FOLLOW_UP_AUDIENCES,
  nextDueOn,
  shiftedByPause,
  type FollowUpAudience,
  type FollowUpKind,
  type PlanClock,
} from './followup-rules.js';

const lastOn = (facts: MatchFacts, state: string) => {
  const event = [...facts.history].reverse().find((entry) => entry.state === state);
  return event ? copenhagenDate(event.at) : undefined;
};

async function insertOnce(document: Record<string, unknown>): Promise<boolean> {
  try {
    await FollowUpModel.create(document);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

function followUpOf(facts: MatchFacts, audience: FollowUpAudience, kind: FollowUpKind, sequence: number) {
  return {
    _id: `${facts.matchId}:${audience}:${kind}:${sequence}`,
    matchId: facts.matchId,
    requestId: facts.requestId,
    municipalityCode: facts.municipalityCode,
    organisationId: facts.organisationId,
    volunteerId: facts.volunteerId,
    audience,
    kind,
    sequence,
  };
}

async function ensurePlanClock(facts: MatchFacts, activeOn: string) {
  try {
    await FollowUpPlanModel.create({
      _id: facts.matchId,
      municipalityCode: facts.municipalityCode,
      requestId: facts.requestId,
      activeOn,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  return (await FollowUpPlanModel.findById(facts.matchId).lean())!;
}

/** Pausing: the open follow-ups wait (no reminders, no escalation). Idempotent. */
async function pausePlan(facts: MatchFacts, pausedOn: string) {
  await FollowUpPlanModel.updateOne({ _id: facts.matchId }, { $set: { pausedOn } });
  const open = await FollowUpModel.find({ matchId: facts.matchId, state: 'open' }, { _id: 1 }).lean();
  for (const followUp of open)
    await FollowUpModel.updateOne(
      { _id: followUp._id, pausedOn: trusted({ $exists: false }) },
      { $set: { pausedOn } },
    );
}

/**
 * Resuming: open follow-ups move on by the paused days and the first year lengthens by as much. Moving
 * dates is not idempotent, so it is claimed once per pause (a unique insert), whoever sees it first.
 */
async function resumePlan(facts: MatchFacts, pausedOn: string, resumedOn: string) {
  const claim = await claimItem('followups:resume', `${facts.matchId}:${pausedOn}`, INSTANCE_ID, 60_000);
  if (!claim) return;
  const open = await FollowUpModel.find({ matchId: facts.matchId, state: 'open' }).lean();
  for (const followUp of open) {
    await FollowUpModel.updateOne(
      { _id: followUp._id },
      {
        $set: { dueOn: shiftedByPause(followUp.dueOn, followUp.pausedOn ?? pausedOn, resumedOn) },
        $unset: { pausedOn: 1 },
      },
    );
  }
  const plan = (await FollowUpPlanModel.findById(facts.matchId).lean())!;
  await FollowUpPlanModel.updateOne(
    { _id: facts.matchId },
    {
      $set: { pausedDays: plan.pausedDays + Math.max(0, daysBetween(pausedOn, resumedOn)) },
      $unset: { pausedOn: 1 },
    },
  );
  await completeClaim(claim);
}

/** Closing: planned regular follow-ups are cancelled and a closing follow-up is planned for each side. */
async function closePlan(facts: MatchFacts, closedOn: string) {
  await FollowUpPlanModel.updateOne({ _id: facts.matchId }, { $set: { closedOn } });
  await FollowUpModel.updateMany(
    { matchId: facts.matchId, state: 'open', kind: 'regular' },
    { $set: { state: 'cancelled' } },
  );
  // The closing follow-up is the social worker's, with the family: once a match is closed the volunteer
  // sees nothing more of the child and a check-in about them cannot be answered, so none is planned.
  await insertOnce({ ...followUpOf(facts, 'family', 'closing', 1), dueOn: closingDueOn(closedOn) });
}

/** Plans each side's next regular follow-ups up to the first one after `today`; whether any was new. Idempotent. */
async function planAhead(facts: MatchFacts, clock: PlanClock, today: string): Promise<boolean> {
  const { followUpEveryWeeks } = await settingsOf(facts.municipalityCode);
  let anyNew = false;
  for (const audience of FOLLOW_UP_AUDIENCES) {
    const planned = await FollowUpModel.find(
      { matchId: facts.matchId, audience, kind: 'regular' },
      { sequence: 1, dueOn: 1 },
    ).lean();
    let latest = planned.sort((a, b) => b.sequence - a.sequence)[0];
    if (!latest) {
      const first = { sequence: 1, dueOn: firstDueOn(clock) };
      anyNew =
        (await insertOnce({ ...followUpOf(facts, audience, 'regular', 1), dueOn: first.dueOn })) || anyNew;
      latest = first as never;
    }
    // Catch up when the plan was not looked at for a while (one new follow-up per passed date).
    for (let guard = 0; latest.dueOn <= today && guard < 60; guard += 1) {
      const next = {
        sequence: latest.sequence + 1,
        dueOn: nextDueOn(clock, latest.dueOn, followUpEveryWeeks),
      };
      const inserted = await insertOnce({
        ...followUpOf(facts, audience, 'regular', next.sequence),
        dueOn: next.dueOn,
      });
      anyNew = inserted || anyNew;
      latest = next as never;
    }
  }
  return anyNew;
}

/**
 * Brings one match's follow-up plan in line with its state: started when it became active, waiting
 * while paused, moved on when resumed, closed with a closing follow-up. Safe to run any number of times,
 * on any instance: every follow-up has a unique `_id` and date moves are claimed.
 */
export async function reconcilePlan(facts: MatchFacts, today: string): Promise<void> {
  if (await planChanged(facts, today)) announceFollowUpWrite();
}

/** Reconciles the plan (see reconcilePlan); whether any follow-up or flag the homes count changed. */
async function planChanged(facts: MatchFacts, today: string): Promise<boolean> {
  const activeOn = facts.history.find((event) => event.state === 'active');
  if (!activeOn) return false;
  const plan = await ensurePlanClock(facts, copenhagenDate(activeOn.at));
  if (facts.state === 'closed') {
    if (plan.closedOn) return false;
    await closePlan(facts, lastOn(facts, 'closed') ?? today);
    return true;
  }
  // A start given back for want of consent waits again, like a pause: nothing falls due meanwhile.
  if (facts.state === 'paused' || facts.state === 'awaiting-consent') {
    if (plan.pausedOn) return false;
    await pausePlan(facts, lastOn(facts, facts.state) ?? today);
    return true;
  }
  if (facts.state !== 'active') return false;
  if (plan.pausedOn) await resumePlan(facts, plan.pausedOn, lastOn(facts, 'active') ?? today);
  const current = (await FollowUpPlanModel.findById(facts.matchId).lean())!;
  const planned = await planAhead(
    facts,
    { activeOn: current.activeOn, pausedDays: current.pausedDays },
    today,
  );
  return planned || Boolean(plan.pausedOn);
}

/**
 * The listener matching calls after a step: active, paused, resumed and closed matches are planned at once
 * (and a start given back waits again).
 */
export async function onMatchMovedPlan(event: MatchMoved): Promise<void> {
  if (!event.states.some((state) => ['active', 'paused', 'closed', 'awaiting-consent'].includes(state)))
    return;
  const facts = await matchFacts(event.matchId);
  if (facts) await reconcilePlan(facts, copenhagenDate(event.at));
}

/**
 * Follow-ups planned before the child gate copied the child's alias into each document. Removed from the
 * stored documents by the daily plan job, on every instance: `$unset` of a field that is gone changes
 * nothing, so running it again (or on two instances at once) is harmless. Resolves to how many changed.
 */
export async function forgetCopiedAliases(): Promise<number> {
  // The field is no longer in the schema, which would strip it from a mongoose filter and update: the
  // collection is addressed directly, with a fixed filter (no user input).
  const result = await FollowUpModel.collection.updateMany(
    { childAlias: { $exists: true } },
    { $unset: { childAlias: '' } },
  );
  return result.modifiedCount;
}

/** Deletes the follow-ups and plans of these requests and matches (retention). */
export async function deleteFollowUpsOf(requestIds: string[], matchIds: string[]): Promise<number> {
  const byMatch = { matchId: trusted({ $in: matchIds }) };
  const byRequest = { requestId: trusted({ $in: requestIds }) };
  let deleted = 0;
  deleted += (await FollowUpModel.deleteMany(byMatch)).deletedCount;
  deleted += (await FollowUpModel.deleteMany(byRequest)).deletedCount;
  deleted += (await FollowUpPlanModel.deleteMany({ _id: trusted({ $in: matchIds }) })).deletedCount;
  deleted += (await FollowUpPlanModel.deleteMany(byRequest)).deletedCount;
  if (deleted > 0) announceFollowUpWrite();
  return deleted;
}
