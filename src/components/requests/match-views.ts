import { DELETED_NAME, describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { consentCounts } from '../consent/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { MatchModel } from './match-model.js';
import type { MatchState } from './match-rules.js';
import { childGate, viewerOf } from './child-gate.js';
import type { MatchCaseState } from './case-state-rules.js';
import { matchStatesOf } from './case-state-service.js';
import { wordingFor } from './case-state-wording.js';
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
  const [people, organisations, states, accepted] = await Promise.all([
    describePeople(matches.map((match) => match.volunteerId)),
    describeOrganisations(matches.map((match) => match.organisationId)),
    matchStatesOf(matches, now),
    afterAcceptanceOf(
      matches.map((match) => ({ ...match, id: String(match._id) })),
      now,
    ),
  ]);
  const audience = actor.role === 'coordinator' ? 'coordinator' : 'volunteer';
  return matches.map((match) => {
    const answered = actor.role === 'coordinator' ? match.acceptedByOrg : match.acceptedByVolunteer;
    const caseState = states.get(String(match._id))!;
    // The child's details, the alias and the ask text included, are only what the gate lets this side see (`child`).
    return {
      id: String(match._id),
      state: match.state as MatchState,
      proposedAt: match.createdAt,
      child: views.get(String(match._id)),
      volunteerName: people.get(match.volunteerId)?.name ?? '–',
      organisationName: organisations.get(match.organisationId)?.name ?? '–',
      status: wordingFor(caseState, audience),
      // "Not yet given" only while no consent has ended: a withdrawn or expired one is said as such.
      consentNotYetGiven: !caseState.consentEnded && caseState.state !== 'paused',
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

/**
 * The matches of one request as its social worker sees them: each one's state from the case-state rule,
 * the one next step it offers, the other moves, and the links to the match's other pages.
 */
export async function matchesOfRequest(requestId: string, now = new Date()) {
  const matches = await matchesOf({ requestId });
  const [people, organisations, consents, states] = await Promise.all([
    describePeople(matches.map((match) => match.volunteerId)),
    describeOrganisations(matches.map((match) => match.organisationId)),
    consentCounts(matches.map((match) => String(match._id))),
    matchStatesOf(matches, now),
  ]);
  return matches.map((match) => {
    const id = String(match._id);
    const caseState = states.get(id)!;
    const base = `/sager/${requestId}/match/${id}`;
    return {
      id,
      childAlias: match.childAlias,
      askText: match.askText,
      state: match.state as MatchState,
      caseState,
      status: wordingFor(caseState, 'socialWorker'),
      next: nextStepOf(caseState, base),
      // Nothing of a volunteer who deleted their account stays on the request.
      volunteerName: visibleName(people.get(match.volunteerId)?.name),
      organisationName: organisations.get(match.organisationId)?.name ?? '–',
      declineReason: match.declineReason,
      rematchOffered: match.rematchOffered,
      consentLink: `${base}/samtykke`,
      endLink: `${base}/afslut`,
      // The follow-up plan exists from the start of the match on.
      followUpLink: caseState.everActive ? `/opfoelgning/forloeb/${id}` : undefined,
      consents: consents.get(id) ?? { inForce: 0, ended: 0 },
      canPause: match.state === 'active',
      canEnd: ['active', 'paused'].includes(match.state),
      canWithdraw: ['proposed', 'accepted', 'awaiting-consent'].includes(match.state),
      history: match.history,
    };
  });
}

/** The primary action a match's state offers: a form to post, a link to follow, or a line to read. */
function nextStepOf(state: MatchCaseState, base: string) {
  const step = state.next;
  const textKey = `caseState.next.${step}`;
  switch (step) {
    case 'start':
      return { textKey, post: `${base}/aktiver` };
    case 'resume':
      return { textKey, post: `${base}/genoptag` };
    case 'start-with-acknowledgement':
    case 'record-consent':
      return { textKey, link: `${base}/samtykke`, missing: state.missing };
    case 'renew-consent':
      return {
        textKey: 'caseState.next.record-consent',
        explainKey: textKey,
        link: `${base}/samtykke`,
        missing: state.missing,
      };
    case 'follow-up':
      return { textKey, link: `/opfoelgning/forloeb/${base.split('/').at(-1)}` };
    case 'find-candidates':
      return { textKey, rematch: true };
    default:
      return { textKey };
  }
}
