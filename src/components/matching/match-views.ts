import { trusted } from 'mongoose';
import { describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { MatchModel } from './match-model.js';
import { CLOSE_REASONS, type MatchState } from './match-rules.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';

type StoredMatch = Awaited<ReturnType<typeof matchesOf>>[number];

function matchesOf(filter: Record<string, unknown>) {
  return MatchModel.find(filter).sort({ createdAt: -1 }).limit(200).lean();
}

/** What the organisation and the volunteer may see of each child: alias, age, interests, need tags. */
async function childFacts(matches: StoredMatch[], now: Date) {
  const ids = [...new Set(matches.map((match) => match.requestId))];
  const requests = await RequestModel.find(
    { _id: trusted({ $in: ids }) },
    { birthYear: 1, birthMonth: 1, interests: 1, needTags: 1 },
  ).lean();
  return new Map(
    requests.map((request) => [
      String(request._id),
      {
        age: ageFrom(request.birthYear, request.birthMonth, now),
        interests: request.interests,
        needTags: request.needTags,
      },
    ]),
  );
}

/** One row of a coordinator's or volunteer's page; `canAnswer` when this side has not answered yet. */
async function answerRows(actor: Actor, matches: StoredMatch[], now: Date) {
  const facts = await childFacts(matches, now);
  const [people, organisations] = await Promise.all([
    describePeople(matches.map((match) => match.volunteerId)),
    describeOrganisations(matches.map((match) => match.organisationId)),
  ]);
  return matches.map((match) => {
    const answered = actor.role === 'coordinator' ? match.acceptedByOrg : match.acceptedByVolunteer;
    return {
      id: String(match._id),
      childAlias: match.childAlias,
      askText: match.askText,
      state: match.state as MatchState,
      proposedAt: match.createdAt,
      ...(facts.get(match.requestId) ?? { age: undefined, interests: [], needTags: [] }),
      volunteerName: people.get(match.volunteerId)?.name ?? '–',
      organisationName: organisations.get(match.organisationId)?.name ?? '–',
      canAnswer: match.state === 'proposed' && !answered,
      waitingForOther: match.state === 'proposed' && Boolean(answered),
    };
  });
}

/**
 * A coordinator's (own organisation) or a volunteer's (own) proposals and matches. Only their own rows are
 * ever read; the list is audited, as it shows part of children's requests.
 */
export async function listAnswerable(actor: Actor, context: RequestContext, now = new Date()) {
  const filter =
    actor.role === 'coordinator' && actor.organisationId
      ? { organisationId: actor.organisationId }
      : actor.role === 'volunteer'
        ? { volunteerId: actor.userId }
        : undefined;
  if (!filter) throw new NotFoundError();
  const matches = await matchesOf(filter);
  await recordAudit(
    {
      action: 'match.list',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      organisationId: actor.organisationId,
      objectType: 'match',
      purpose: 'answer-proposal',
      details: { count: matches.length },
    },
    context.origin,
  );
  const rows = await answerRows(actor, matches, now);
  return {
    proposals: rows.filter((row) => row.state === 'proposed'),
    current: rows.filter((row) => ['accepted', 'awaiting-consent', 'active', 'paused'].includes(row.state)),
    ended: rows.filter((row) => ['declined', 'closed'].includes(row.state)),
  };
}

/** The matches of one request as its social worker sees them, with the moves each state offers. */
export async function matchesOfRequest(requestId: string) {
  const matches = await matchesOf({ requestId });
  const [people, organisations] = await Promise.all([
    describePeople(matches.map((match) => match.volunteerId)),
    describeOrganisations(matches.map((match) => match.organisationId)),
  ]);
  return matches.map((match) => ({
    id: String(match._id),
    childAlias: match.childAlias,
    askText: match.askText,
    state: match.state as MatchState,
    volunteerName: people.get(match.volunteerId)?.name ?? '–',
    organisationName: organisations.get(match.organisationId)?.name ?? '–',
    acceptedByOrg: Boolean(match.acceptedByOrg),
    acceptedByVolunteer: Boolean(match.acceptedByVolunteer),
    declineReason: match.declineReason,
    closeReason: match.closeReason,
    consent: match.consent,
    rematchOffered: match.rematchOffered,
    canConfirmConsent: match.state === 'awaiting-consent',
    canPause: match.state === 'active',
    canResume: match.state === 'paused',
    canClose: ['proposed', 'awaiting-consent', 'active', 'paused'].includes(match.state),
    closeReasons: CLOSE_REASONS,
    history: match.history,
  }));
}
