import { trusted } from 'mongoose';
import { can, describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { matchFacts, matchStates } from '../requests/index.js';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { childOf, withChild } from './followup-child.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { pageOf } from '../../shared/http/index.js';
import { claimItem, completeClaim, INSTANCE_ID } from '../../shared/jobs/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import {
  addMonths,
  copenhagenDate,
  FOLLOW_UP_AUDIENCES,
  statusOf,
  upcomingDueOns,
  type FollowUpStatus,
  type StoredState,
} from './followup-rules.js';
import { settingsOf } from '../municipalities/index.js';
import type { AnswersForm } from './followup-schemas.js';
import { followUpIdSchema } from './followup-schemas.js';
import { announceFollowUpWrite } from './followup-desk.js';

export type StoredFollowUp = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;

function findFollowUp(id: string) {
  if (!followUpIdSchema.safeParse(id).success) return Promise.resolve(null);
  return FollowUpModel.findById(id).lean();
}

/** The volunteer's own check-in (never the family's follow-up, never another volunteer's); else 404. */
export async function loadOwnCheckIn(actor: Actor, id: string): Promise<StoredFollowUp> {
  const followUp = await findFollowUp(id);
  if (
    !followUp ||
    followUp.audience !== 'volunteer' ||
    !can(actor, 'followups:checkin-own', { ownerId: followUp.volunteerId })
  )
    throw new NotFoundError();
  return followUp;
}

/** A follow-up of the social worker's own municipality (the request's team); else 404. */
export async function loadForTeam(actor: Actor, id: string): Promise<StoredFollowUp> {
  const followUp = await findFollowUp(id);
  if (!followUp || !can(actor, 'followups:work', { municipalityCode: followUp.municipalityCode }))
    throw new NotFoundError();
  return followUp;
}

export function withStatus<T extends { state: string; dueOn: string }>(followUp: T, today: string) {
  return {
    ...followUp,
    status: statusOf({ state: followUp.state as StoredState, dueOn: followUp.dueOn }, today),
  };
}

async function audit(
  actor: Actor,
  action: string,
  followUp: StoredFollowUp,
  context: RequestContext,
  details?: object,
) {
  await recordAudit(
    {
      action,
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode: followUp.municipalityCode,
      organisationId: actor.organisationId,
      objectType: 'follow-up',
      objectId: followUp._id,
      purpose: 'casework',
      details,
    },
    context.origin,
  );
}

export type AnswerOutcome = 'saved' | 'already';

/**
 * Stores the answers once (a second submit, from another tab or person, is told it was already answered).
 * A worrying answer reaches the responsible social worker at once: an e-mail through the outbox (without
 * the text, which stays on the team's page) and a flag on every team member's home until one reads it.
 */
export async function answerFollowUp(
  actor: Actor,
  followUp: StoredFollowUp,
  answers: AnswersForm,
  context: RequestContext,
  options: { notify?: boolean } = {},
): Promise<AnswerOutcome> {
  if (followUp.state !== 'open') return 'already';
  const claim = await claimItem('followups:answer', followUp._id, INSTANCE_ID, 24 * 3_600_000);
  if (!claim) return 'already';
  const at = new Date();
  await FollowUpModel.updateOne(
    { _id: followUp._id },
    {
      $set: {
        state: 'done',
        answers: { ...answers, worryText: answers.worry ? answers.worryText : undefined },
        answeredBy: actor.userId,
        answeredAt: at,
        ...(answers.worry ? { worryRaisedAt: at } : {}),
      },
    },
  );
  await completeClaim(claim);
  announceFollowUpWrite();
  await audit(actor, 'followup.answered', followUp, context, { audience: followUp.audience });
  // Seeding past answers (demo history) records the flag without mailing anyone.
  if (answers.worry && options.notify !== false) await tellResponsibleAboutWorry(followUp, context.baseUrl);
  return 'saved';
}

/**
 * How a mail names the child to its recipient: the alias when the child gate lets them see it, else
 * "the child" in their language.
 */
export async function childNameFor(
  viewer: Parameters<typeof childOf>[0],
  matchId: string,
  language: Language,
): Promise<string> {
  return (await childOf(viewer, matchId))?.alias ?? translatorFor(language)('followups.theChild');
}

async function tellResponsibleAboutWorry(followUp: StoredFollowUp, baseUrl: string) {
  const facts = await matchFacts(followUp.matchId);
  const person = (await describePeople([facts?.responsibleId ?? ''])).get(facts?.responsibleId ?? '');
  if (!person?.active) return;
  const staff = { kind: 'staff', municipalityCode: followUp.municipalityCode } as const;
  await enqueueMail({
    to: person.email,
    template: 'followup-worry',
    aboutMatchId: followUp.matchId,
    language: person.language,
    data: {
      name: person.name,
      childAlias: await childNameFor(staff, followUp.matchId, person.language),
      link: `${baseUrl}/opfoelgning/${followUp._id}`,
    },
  });
  kickDelivery();
}

export async function skipFollowUp(
  actor: Actor,
  followUp: StoredFollowUp,
  reason: string,
  context: RequestContext,
) {
  if (followUp.state !== 'open') return 'already' as const;
  await FollowUpModel.updateOne({ _id: followUp._id }, { $set: { state: 'skipped', skipReason: reason } });
  announceFollowUpWrite();
  await audit(actor, 'followup.skipped', followUp, context);
  return 'saved' as const;
}

export async function markWorrySeen(actor: Actor, followUp: StoredFollowUp, context: RequestContext) {
  if (!followUp.worryRaisedAt || followUp.worrySeenAt) return;
  await FollowUpModel.updateOne(
    { _id: followUp._id },
    { $set: { worrySeenAt: new Date(), worrySeenBy: actor.userId } },
  );
  await audit(actor, 'followup.worry-seen', followUp, context);
}

const ATTENTION: FollowUpStatus[] = ['due', 'overdue'];

/** Overdue follow-ups on one page of the social workers' overview (a large municipality has hundreds). */
const OVERVIEW_PAGE_SIZE = 50;
// A large municipality has a few thousand open follow-ups at most.
const OPEN_READ_LIMIT = 20_000;
// Far more than a municipality's unhandled worries or flagged plans ever are: a bound, not a page.
const FLAGGED_READ_LIMIT = 5_000;

/**
 * The social workers' overview: what is due, overdue (one page, oldest first), worries not yet handled,
 * and matches with two missed check-ins. Only the follow-ups shown are named.
 */
export async function teamOverview(municipalityCode: string, now: Date, page = 1) {
  const today = copenhagenDate(now);
  // Only those whose day has come: a later one is scheduled, neither due nor overdue.
  const open = await FollowUpModel.find(
    { municipalityCode, state: 'open', dueOn: trusted({ $lte: today }) },
    { matchId: 1, requestId: 1, audience: 1, kind: 1, dueOn: 1, state: 1, pausedOn: 1 },
  )
    .limit(OPEN_READ_LIMIT)
    .lean();
  const current = open
    .filter((followUp) => !followUp.pausedOn)
    .map((followUp) => withStatus(followUp, today))
    .filter((followUp) => ATTENTION.includes(followUp.status))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a._id.localeCompare(b._id));
  const overdue = pageOf(
    current.filter((followUp) => followUp.status === 'overdue').slice((page - 1) * OVERVIEW_PAGE_SIZE),
    page,
    OVERVIEW_PAGE_SIZE,
    '/opfoelgning',
  );
  const due = current.filter((followUp) => followUp.status === 'due');
  // Worries stay until someone records what was done, not merely until they are read. A worry is raised
  // by an answer, so only answered follow-ups carry one.
  const worries = await FollowUpModel.find(
    {
      municipalityCode,
      state: 'done',
      worryRaisedAt: trusted({ $exists: true }),
      worryHandledAt: trusted({ $exists: false }),
    },
    { answers: 0 },
  )
    .limit(FLAGGED_READ_LIMIT)
    .lean();
  // Both kinds of flagged plans in one read.
  const plans = await FollowUpPlanModel.find({ municipalityCode })
    .limit(FLAGGED_READ_LIMIT * 10)
    .lean();
  const missed = plans.filter((plan) => plan.missedFlagAt);
  const vettingExpired = plans.filter((plan) => plan.vettingExpiredAt && !plan.closedOn);
  // The municipality's own staff: the child gate gives them the alias their casework needs.
  const staff = { kind: 'staff', municipalityCode } as const;
  const [named, namedWorries] = await Promise.all([
    withChild(staff, [...overdue.rows, ...due], now),
    withChild(staff, worries, now),
  ]);
  return {
    vettingExpired,
    due: named.filter((followUp) => followUp.status === 'due'),
    overdue: named.filter((followUp) => followUp.status === 'overdue'),
    links: overdue.links,
    worries: namedWorries,
    missed,
  };
}

// A match's follow-ups over years (monthly per side, then quarterly), with wide room.
const MATCH_HISTORY_LIMIT = 2_000;
// A volunteer's open check-ins: one per running match.
const OWN_OPEN_LIMIT = 500;

/** One match's follow-ups, oldest first, with their answers: for the request's team only. */
export async function matchHistory(municipalityCode: string, matchId: string, now: Date) {
  const today = copenhagenDate(now);
  const followUps = await FollowUpModel.find({ matchId, municipalityCode }).limit(MATCH_HISTORY_LIMIT).lean();
  return followUps
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.audience.localeCompare(b.audience))
    .map((followUp) => withStatus(followUp, today));
}

/** A volunteer's own check-ins that are due or overdue, and the next one, each with what they may see of the child. */
export async function ownCheckIns(volunteerId: string, now: Date) {
  const today = copenhagenDate(now);
  const open = await FollowUpModel.find({ volunteerId, audience: 'volunteer', state: 'open' }, { answers: 0 })
    .limit(OWN_OPEN_LIMIT)
    .lean();
  const own = open.filter((followUp) => !followUp.pausedOn);
  // Only check-ins that can be answered now: the match runs (not paused, waiting for consent or closed).
  const states = await matchStates(own.map((followUp) => followUp.matchId));
  const answerable = own
    .filter((followUp) => states.get(followUp.matchId) === 'active')
    .map((followUp) => withStatus(followUp, today))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return withChild({ kind: 'volunteer', userId: volunteerId }, answerable, now);
}

/** Why a check-in cannot be answered now: its match is paused (or waits for consent again) or closed. */
export async function checkInBlocked(followUp: StoredFollowUp): Promise<'paused' | 'closed' | undefined> {
  const facts = await matchFacts(followUp.matchId);
  if (!facts || facts.state === 'closed' || facts.state === 'declined') return 'closed';
  return facts.state === 'active' ? undefined : 'paused';
}

/** Check-ins on one page of the coordinator's view: a large club has thousands over the years. */
const ORGANISATION_PAGE_SIZE = 50;

/**
 * The coordinator's view: whether their volunteers' check-ins are done, never what was answered. Newest
 * first, one page at a time; only the page shown is named.
 */
export async function organisationCheckIns(organisationId: string, now: Date, page = 1) {
  const today = copenhagenDate(now);
  const checkIns = await FollowUpModel.find(
    {
      organisationId,
      audience: 'volunteer',
      state: trusted({ $ne: 'cancelled' }),
      dueOn: trusted({ $lte: today }),
    },
    { matchId: 1, volunteerId: 1, dueOn: 1, state: 1, audience: 1, sequence: 1, kind: 1 },
  )
    .sort({ dueOn: -1, _id: 1 })
    .skip((page - 1) * ORGANISATION_PAGE_SIZE)
    .limit(ORGANISATION_PAGE_SIZE + 1)
    .lean();
  const { rows, links } = pageOf(checkIns, page, ORGANISATION_PAGE_SIZE, '/forening/opfoelgning');
  const relevant = rows.map((followUp) => withStatus(followUp, today));
  const people = await describePeople(relevant.map((followUp) => followUp.volunteerId));
  const named = await withChild({ kind: 'coordinator', organisationId }, relevant, now);
  return {
    links,
    checkIns: named.map((followUp) => ({
      dueOn: followUp.dueOn,
      status: followUp.status,
      child: followUp.child,
      volunteerName: people.get(followUp.volunteerId)?.name ?? '–',
    })),
  };
}

/**
 * The regular follow-ups still to come on a running match's plan, a year ahead: not stored yet (the plan
 * stores only the next one per side), but planned by the same cadence, so the plan page shows them all.
 */
export async function upcomingOf(
  facts: { matchId: string; municipalityCode: string; state: string },
  history: ReadonlyArray<{ audience: string; kind: string; dueOn: string }>,
  now: Date,
): Promise<Array<{ dueOn: string; audience: string }>> {
  if (facts.state !== 'active') return [];
  const plan = await FollowUpPlanModel.findOne({
    _id: facts.matchId,
    municipalityCode: facts.municipalityCode,
  }).lean();
  if (!plan || plan.closedOn) return [];
  const { followUpEveryWeeks } = await settingsOf(facts.municipalityCode);
  const until = addMonths(copenhagenDate(now), 12);
  const clock = { activeOn: plan.activeOn, pausedDays: plan.pausedDays };
  return FOLLOW_UP_AUDIENCES.flatMap((audience) => {
    const last = history
      .filter((followUp) => followUp.audience === audience && followUp.kind === 'regular')
      .map((followUp) => followUp.dueOn)
      .sort()
      .at(-1);
    return last
      ? upcomingDueOns(clock, last, followUpEveryWeeks, until).map((dueOn) => ({ dueOn, audience }))
      : [];
  }).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.audience.localeCompare(b.audience));
}
