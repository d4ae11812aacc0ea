import { DELETED_NAME, describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { matchFacts } from '../requests/index.js';
import { afterHoursPhoneOf } from '../municipalities/index.js';
import { writeVersionAudited } from '../../shared/audit/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { FollowUpModel } from './followup-model.js';
import type { StoredFollowUp } from './followup-service.js';
import type { WorryAction } from './worry-rules.js';
import { announceFollowUpWrite } from './followup-desk.js';

/**
 * What the volunteer who reported a worry is told at once: which social worker was told (by name, the
 * request's responsible one), and whom to call if a child is in danger now (112 always; the
 * municipality's after-hours number when it has set one). Only for their own answered check-in.
 */
export async function worryTold(followUp: StoredFollowUp, actor: Actor) {
  if (!followUp.worryRaisedAt || followUp.answeredBy !== actor.userId) return undefined;
  const facts = await matchFacts(followUp.matchId);
  const responsibleId = facts?.responsibleId ?? '';
  const [people, afterHoursPhone] = await Promise.all([
    describePeople([responsibleId]),
    afterHoursPhoneOf(followUp.municipalityCode),
  ]);
  const name = people.get(responsibleId)?.name;
  return { socialWorkerName: name && name !== DELETED_NAME ? name : undefined, afterHoursPhone };
}

export type HandlingOutcome = 'saved' | 'already';

/**
 * Records once what the team did about a worry: the chosen actions and a short note. The write claims the
 * follow-up's next version, so two workers saving at once end with one record (the other is told it was
 * already recorded). Recording it also counts as having read the worry. The audit names the actions only:
 * never the note, nor the child.
 */
export async function recordWorryHandling(
  actor: Actor,
  followUp: StoredFollowUp,
  handling: { actions: WorryAction[]; note?: string },
  context: RequestContext,
): Promise<HandlingOutcome> {
  if (!followUp.worryRaisedAt || followUp.worryHandledAt) return 'already';
  const at = new Date();
  const set = {
    worryHandledAt: at,
    worryHandledBy: actor.userId,
    worryActions: handling.actions,
    ...(handling.note ? { worryNote: handling.note } : {}),
    ...(followUp.worrySeenAt ? {} : { worrySeenAt: at, worrySeenBy: actor.userId }),
  };
  const event = {
    action: 'followup.worry-handled',
    outcome: 'success',
    actorId: actor.userId,
    actorRole: actor.role,
    municipalityCode: followUp.municipalityCode,
    objectType: 'follow-up',
    objectId: followUp._id,
    purpose: 'casework',
    details: { actions: handling.actions, withNote: Boolean(handling.note) },
    at,
  } as const;
  try {
    await writeVersionAudited(
      FollowUpModel as never,
      followUp._id,
      followUp.writeVersion ?? 0,
      set,
      { event, origin: context.origin },
      { runValidators: true },
    );
  } catch (error) {
    if (error instanceof ConflictError) return 'already';
    throw error;
  }
  announceFollowUpWrite();
  return 'saved';
}

/** Who recorded the handling, by name, for the team's page. */
export async function handledByName(followUp: StoredFollowUp): Promise<string | undefined> {
  if (!followUp.worryHandledBy) return undefined;
  const name = (await describePeople([followUp.worryHandledBy])).get(followUp.worryHandledBy)?.name;
  return name && name !== DELETED_NAME ? name : '–';
}
