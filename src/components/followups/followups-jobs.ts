import { trusted } from 'mongoose';
import { describePeople } from '../accounts/index.js';
import { liveMatchFacts, matchFacts } from '../requests/index.js';
import { vettingStatusFor } from '../vetting/index.js';
import type { HeldItem, JobContext, JobDefinition } from '../../shared/jobs/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { announceFollowUpWrite } from './followup-desk.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import { forgetCopiedAliases, reconcilePlan } from './followup-plan-service.js';
import { checkInBlocked, childNameFor } from './followup-service.js';
import {
  addDays,
  copenhagenDate,
  ESCALATE_AFTER_DAYS,
  needsEscalation,
  needsReminder,
  twoMissedInARow,
} from './followup-rules.js';

const DAY = 86_400_000;
// Closed matches are looked at for this long, so their closing follow-up is planned even after a missed event.
const CLOSED_LOOKBACK_DAYS = 60;

/**
 * Each live match's plan brought up to date once a day (and caught up after a missed event). It first
 * removes the child's alias that older follow-ups carried: this job already runs daily on every instance
 * and touches every live plan, so no separate start-up step is needed, and the step is idempotent.
 */
async function planFollowUps(context: JobContext): Promise<number> {
  await forgetCopiedAliases();
  const today = copenhagenDate(context.now);
  const matches = await liveMatchFacts(new Date(context.now.getTime() - CLOSED_LOOKBACK_DAYS * DAY));
  return context.eachItem(
    matches,
    (facts) => `${facts.matchId}:${today}`,
    (facts) => reconcilePlan(facts, today),
  );
}

async function responsibleOf(matchId: string) {
  const facts = await matchFacts(matchId);
  if (!facts) return undefined;
  return (await describePeople([facts.responsibleId])).get(facts.responsibleId);
}

/**
 * Mails the match's responsible social worker (when still active) with the child named as the gate lets
 * staff see it, fenced by the item's lease and keyed by it, so a repeat is refused.
 */
async function mailResponsible(
  held: HeldItem,
  match: { matchId: string; municipalityCode: string },
  template: string,
  data: Record<string, unknown>,
): Promise<void> {
  const person = await responsibleOf(match.matchId);
  if (!person?.active) return;
  const staff = { kind: 'staff', municipalityCode: match.municipalityCode } as const;
  const childAlias = await childNameFor(staff, match.matchId, person.language);
  await held.fenced(() =>
    enqueueMail({
      to: person.email,
      template,
      aboutMatchId: match.matchId,
      language: person.language,
      data: { name: person.name, childAlias, ...data },
      idempotencyKey: held.effectKey(`${template}|${person.id}`),
    }),
  );
}

/**
 * The assignee of each follow-up that became due is reminded once, with a link straight to the form.
 * The mail is queued (under the item's idempotency key) before `remindedAt` is written and the item
 * marked done, so an instance that dies in between leaves the reminder to the next run: sent once.
 */
export async function remindDueFollowUps(context: JobContext, baseUrl: string): Promise<number> {
  const today = copenhagenDate(context.now);
  const candidates = await FollowUpModel.find({
    state: 'open',
    dueOn: trusted({ $lte: today, $gt: addDays(today, -ESCALATE_AFTER_DAYS) }),
  }).lean();
  const due = candidates.filter(
    (followUp) =>
      !followUp.remindedAt &&
      needsReminder({ ...followUp, state: 'open', paused: Boolean(followUp.pausedOn) }, today),
  );
  const reminded = await context.eachItem(
    due,
    (followUp) => `remind:${followUp._id}`,
    async (followUp, held) => {
      const volunteerSide = followUp.audience === 'volunteer';
      const person = volunteerSide
        ? (await describePeople([followUp.volunteerId])).get(followUp.volunteerId)
        : await responsibleOf(followUp.matchId);
      const template = volunteerSide ? 'followup-checkin-reminder' : 'followup-family-reminder';
      // The volunteer is not asked about a match that is paused or closed (the check-in cannot be answered).
      const blocked = volunteerSide ? await checkInBlocked(followUp) : undefined;
      if (person?.active && !blocked) {
        const viewer = volunteerSide
          ? ({ kind: 'volunteer', userId: followUp.volunteerId } as const)
          : ({ kind: 'staff', municipalityCode: followUp.municipalityCode } as const);
        const childAlias = await childNameFor(viewer, followUp.matchId, person.language);
        await held.fenced(() =>
          enqueueMail({
            to: person.email,
            template,
            aboutMatchId: followUp.matchId,
            language: person.language,
            data: {
              name: person.name,
              childAlias,
              link: volunteerSide
                ? `${baseUrl}/frivillig/opfoelgning/${followUp._id}`
                : `${baseUrl}/opfoelgning/${followUp._id}`,
            },
            idempotencyKey: held.effectKey(`${template}|${person.id}`),
          }),
        );
      }
      await held.fenced(() =>
        FollowUpModel.updateOne({ _id: followUp._id }, { $set: { remindedAt: context.now } }),
      );
    },
  );
  // People get their link in seconds rather than at the outbox's next run.
  if (reminded > 0) kickDelivery();
  return reminded;
}

/**
 * Seven days overdue: the responsible social worker is told, once per follow-up. A match whose volunteer
 * missed two check-ins in a row is flagged on the team's home (once).
 */
async function escalateOverdue(context: JobContext, baseUrl: string): Promise<number> {
  const today = copenhagenDate(context.now);
  const overdue = (
    await FollowUpModel.find({
      state: 'open',
      dueOn: trusted({ $lte: addDays(today, -ESCALATE_AFTER_DAYS) }),
    }).lean()
  ).filter(
    (followUp) =>
      !followUp.escalatedAt &&
      needsEscalation({ ...followUp, state: 'open', paused: Boolean(followUp.pausedOn) }, today),
  );
  let handled = await context.eachItem(
    overdue,
    (followUp) => `escalate:${followUp._id}`,
    async (followUp, held) => {
      await mailResponsible(held, followUp, 'followup-escalation', {
        dueOn: followUp.dueOn,
        link: `${baseUrl}/opfoelgning/${followUp._id}`,
      });
      await held.fenced(() =>
        FollowUpModel.updateOne({ _id: followUp._id }, { $set: { escalatedAt: context.now } }),
      );
    },
  );
  const matchIds = [
    ...new Set(
      overdue.filter((followUp) => followUp.audience === 'volunteer').map((followUp) => followUp.matchId),
    ),
  ];
  const flagged: string[] = [];
  for (const matchId of matchIds) {
    const plan = await FollowUpPlanModel.findById(matchId).lean();
    if (!plan || plan.missedFlagAt) continue;
    const checkIns = await FollowUpModel.find({ matchId, audience: 'volunteer', kind: 'regular' }).lean();
    const judged = checkIns.map((followUp) => ({
      ...followUp,
      state: followUp.state as 'open',
      paused: Boolean(followUp.pausedOn),
    }));
    if (twoMissedInARow(judged, today)) flagged.push(matchId);
  }
  handled += await context.eachItem(
    flagged,
    (matchId) => `missed:${matchId}`,
    async (matchId, held) => {
      await held.fenced(() =>
        FollowUpPlanModel.updateOne({ _id: matchId }, { $set: { missedFlagAt: context.now } }),
      );
    },
  );
  if (flagged.length > 0) announceFollowUpWrite();
  if (handled > 0) kickDelivery();
  return handled;
}

/**
 * A live match whose volunteer's børneattest has ended is flagged on the team's home and the responsible
 * social worker is told once per ended certificate (matching already no longer proposes the volunteer).
 */
async function flagExpiredVetting(context: JobContext, baseUrl: string): Promise<number> {
  const live = (await liveMatchFacts(context.now)).filter((facts) => facts.state !== 'closed');
  const expired: Array<{ matchId: string; municipalityCode: string; validUntil: Date }> = [];
  for (const facts of live) {
    const [status] = await vettingStatusFor([facts.volunteerId], facts.organisationId, context.now);
    if (status && !status.vetted && status.validUntil && status.validUntil <= context.now)
      expired.push({
        matchId: facts.matchId,
        municipalityCode: facts.municipalityCode,
        validUntil: status.validUntil,
      });
  }
  const flagged = await context.eachItem(
    expired,
    (entry) => `vetting-expired:${entry.matchId}:${entry.validUntil.toISOString()}`,
    async (entry, held) => {
      await held.fenced(() =>
        FollowUpPlanModel.updateOne({ _id: entry.matchId }, { $set: { vettingExpiredAt: context.now } }),
      );
      await mailResponsible(held, entry, 'followup-vetting-expired', {
        link: `${baseUrl}/opfoelgning/forloeb/${entry.matchId}`,
      });
    },
  );
  if (flagged > 0) {
    announceFollowUpWrite();
    kickDelivery();
  }
  return flagged;
}

export function followUpJobs(baseUrl: string): JobDefinition[] {
  const withContext =
    (work: (context: JobContext) => Promise<number>) =>
    (context?: JobContext): Promise<number> => {
      if (!context) throw new Error('follow-up jobs run through the scheduler');
      return work(context);
    };
  return [
    { name: 'followups:plan', schedule: '5 6 * * *', everyInstance: true, run: withContext(planFollowUps) },
    {
      name: 'followups:reminders',
      schedule: '0 8 * * *',
      everyInstance: true,
      run: withContext((context) => remindDueFollowUps(context, baseUrl)),
    },
    {
      name: 'followups:escalations',
      schedule: '30 8 * * *',
      everyInstance: true,
      run: withContext((context) => escalateOverdue(context, baseUrl)),
    },
    {
      name: 'followups:vetting-expired',
      schedule: '40 8 * * *',
      everyInstance: true,
      run: withContext((context) => flagExpiredVetting(context, baseUrl)),
    },
  ];
}
