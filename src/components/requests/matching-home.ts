import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import type { CandidateWaits } from './candidate-waits.js';
import { MatchModel } from './match-model.js';
import { workerCasesFor } from './worker-cases-read.js';

/** An answer this recent counts as new on the social worker's home. */
export const NEW_ANSWER_DAYS = 14;
const DAY = 86_400_000;

interface AnsweredMatch {
  state: string;
  acceptedByOrg?: { at: Date } | null;
  acceptedByVolunteer?: { at: Date } | null;
  history: Array<{ state: string; at: Date }>;
}

/** Someone answered the proposal (accepted for their side, or declined) within the last NEW_ANSWER_DAYS. */
export function hasNewAnswer(match: AnsweredMatch, now: Date): boolean {
  const since = now.getTime() - NEW_ANSWER_DAYS * DAY;
  const answeredAt = [
    match.acceptedByOrg?.at,
    match.acceptedByVolunteer?.at,
    ...match.history.filter((event) => event.state === 'declined').map((event) => event.at),
  ];
  return answeredAt.some((at) => at !== undefined && at.getTime() >= since);
}

async function socialWorkerItems(actor: Actor, waits: CandidateWaits, now: Date): Promise<HomeItem[]> {
  const { requests, matches, states } = await workerCasesFor(
    actor as Actor & { municipalityCode: string },
    now,
  );
  const openIds = new Set(requests.filter((r) => r.status === 'open').map((r) => String(r._id)));
  // Running and ready to start as the case-state rule decides: a paused match holds no adult now.
  const ready = matches.filter((match) => states.get(String(match._id))?.state === 'ready-to-start');
  const answered = new Set(
    matches
      .filter((match) => openIds.has(match.requestId) && hasNewAnswer(match as AnsweredMatch, now))
      .map((match) => match.requestId),
  );
  const found = await waits.withNewCandidates(actor.municipalityCode!, [...openIds]);
  const active = matches.filter((match) => states.get(String(match._id))?.state === 'active').length;
  return [
    { labelKey: 'home.matching.newAnswers', count: answered.size, href: '/sager', urgency: 'due' },
    {
      labelKey: 'caseState.home.readyToStart',
      count: ready.length,
      href: ready[0] ? `/sager/${ready[0].requestId}` : '/sager',
      urgency: 'due',
    },
    {
      labelKey: 'candidateHelp.wait.home',
      count: found.length,
      // One request: straight to its candidates; more: the caseload lists them.
      href: found.length === 1 ? `/sager/${found[0]!}/kandidater` : '/sager',
      urgency: 'due',
    },
    { labelKey: 'home.matching.activeMatches', count: active, href: '/sager' },
  ];
}

/** Proposals where this side has not answered yet. */
async function unansweredProposals(filter: Record<string, string>, answered: string): Promise<number> {
  const proposals = await MatchModel.find({ ...filter, state: 'proposed' }, { [answered]: 1 })
    .limit(2000)
    .lean();
  return proposals.filter((match) => !(match as Record<string, unknown>)[answered]).length;
}

/** Matching's lines on the home: the social worker's cases, and the proposals waiting for an answer. */
export async function matchingHomeItems(
  homeActor: HomeActor,
  waits: CandidateWaits,
  now = new Date(),
): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (actor.municipalityCode && can(actor, 'requests:work', { municipalityCode: actor.municipalityCode })) {
    return socialWorkerItems(actor, waits, now);
  }
  if (actor.organisationId && can(actor, 'matches:answer-org', { organisationId: actor.organisationId })) {
    const count = await unansweredProposals({ organisationId: actor.organisationId }, 'acceptedByOrg');
    return [{ labelKey: 'home.matching.orgProposals', count, href: '/forening/forslag', urgency: 'due' }];
  }
  if (can(actor, 'matches:answer-own', { ownerId: actor.userId })) {
    const count = await unansweredProposals({ volunteerId: actor.userId }, 'acceptedByVolunteer');
    return [{ labelKey: 'home.matching.ownProposals', count, href: '/frivillig/forslag', urgency: 'due' }];
  }
  return [];
}
