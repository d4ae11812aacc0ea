import { DELETED_NAME, describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { consentCounts } from '../consent/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { MatchModel } from './match-model.js';
import { CLOSE_REASONS, type MatchState } from './match-rules.js';
import { childGate, viewerOf } from './child-gate.js';
import { afterAcceptanceOf } from './after-acceptance.js';

const visibleName = (name: string | undefined) => (name && name !== DELETED_NAME ? name : '–');

type StoredMatch = Awaited<ReturnType<typeof matchesOf>>[number];

function matchesOf(filter: Record<string, unknown>) {
  return MatchModel.find(filter).sort({ createdAt: -1 }).limit(200).lean();
}

/** One row of a coordinator's or volunteer's page; `canAnswer` when this side has not answered yet. */
async function answerRows(actor: Actor, matches: StoredMatch[], now: Date) {
  const views = await childGate(
    viewerOf(actor),
    matches.map((match) => String(match._id)),
    now,
  );
  const [people, organisations, accepted] = await Promise.all([
    describePeople(matches.map((match) => match.volunteerId)),
    describeOrganisations(matches.map((match) => match.organisationId)),
    afterAcceptanceOf(
      matches.map((match) => ({ ...match, id: String(match._id) })),
      now,
    ),
  ]);
  return matches.map((match) => {
    const answered = actor.role === 'coordinator' ? match.acceptedByOrg : match.acceptedByVolunteer;
    // The child's details, the alias and the ask text included, are only what the gate lets this side see (`child`).
    return {
      id: String(match._id),
      state: match.state as MatchState,
      proposedAt: match.createdAt,
      child: views.get(String(match._id)),
      volunteerName: people.get(match.volunteerId)?.name ?? '–',
      organisationName: organisations.get(match.organisationId)?.name ?? '–',
      canAnswer: match.state === 'proposed' && !answered,
      waitingForOther: match.state === 'proposed' && Boolean(answered),
      // Who, where and when, once both sides said yes (nothing of the child).
      afterAcceptance: accepted.get(String(match._id)),
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
  const [people, organisations, consents] = await Promise.all([
    describePeople(matches.map((match) => match.volunteerId)),
    describeOrganisations(matches.map((match) => match.organisationId)),
    consentCounts(matches.map((match) => String(match._id))),
  ]);
  return matches.map((match) => ({
    id: String(match._id),
    childAlias: match.childAlias,
    askText: match.askText,
    state: match.state as MatchState,
    // Nothing of a volunteer who deleted their account stays on the request.
    volunteerName: visibleName(people.get(match.volunteerId)?.name),
    organisationName: organisations.get(match.organisationId)?.name ?? '–',
    acceptedByOrg: Boolean(match.acceptedByOrg),
    acceptedByVolunteer: Boolean(match.acceptedByVolunteer),
    declineReason: match.declineReason,
    closeReason: match.closeReason,
    rematchOffered: match.rematchOffered,
    consentLink: `/sager/${requestId}/match/${String(match._id)}/samtykke`,
    consents: consents.get(String(match._id)) ?? { inForce: 0, ended: 0 },
    awaitingConsent: match.state === 'awaiting-consent',
    canPause: match.state === 'active',
    canResume: match.state === 'paused',
    canClose: ['proposed', 'awaiting-consent', 'active', 'paused'].includes(match.state),
    closeReasons: CLOSE_REASONS.filter((reason) => reason !== 'volunteer-left'),
    history: match.history,
  }));
}
