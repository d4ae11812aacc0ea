import { coordinatorsOf, describePeople, type PersonSummary } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import type { HeldItem } from '../../shared/jobs/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { MatchModel } from './match-model.js';
import { RequestModel } from './request-model.js';
import { childGate } from './child-gate.js';
import { matchStatesOf } from './case-state-service.js';
import { wordingFor, type Audience } from './case-state-wording.js';

/** The match, the responsible worker and the organisation's name: what every match mail starts from. */
async function matchFacts(matchId: string) {
  const match = await MatchModel.findById(matchId).lean();
  if (!match) return undefined;
  const request = await RequestModel.findById(match.requestId, { responsibleId: 1 }).lean();
  if (!request) return undefined;
  const organisation = await findOrganisation(match.organisationId);
  return {
    match,
    responsibleId: request.responsibleId,
    data: { childAlias: match.childAlias, organisationName: organisation?.name ?? '–' },
  };
}

const list = (values: readonly string[] | undefined) => (values?.length ? values.join(', ') : '');

type StoredMatchDoc = NonNullable<Awaited<ReturnType<typeof matchFacts>>>['match'];

/** The match's state now, in the reader's words: the state's key and its first detail (or ''). */
async function statusData(match: StoredMatchDoc, audience: Audience): Promise<Record<string, string>> {
  const state = (await matchStatesOf([match])).get(String(match._id));
  if (!state) return { status: '', statusDetail: '', consentEnded: '' };
  const wording = wordingFor(state, audience);
  return {
    status: wording.key,
    statusDetail: wording.details[0] ?? '',
    consentEnded: state.consentEnded ? `caseState.${audience}.consentEnded.${state.consentEnded}` : '',
  };
}

/**
 * What a proposal may tell the organisation or the adult: the activity and an age band, and only the
 * child's fields (the ask text among them) the child gate lets that recipient see. Every key is present (empty when
 * not shared), so the templates say "the family has not yet agreed" rather than print a hidden value.
 */
async function proposalData(
  match: StoredMatchDoc,
  recipient: 'organisation' | 'adult',
  organisationName: string,
): Promise<Record<string, string>> {
  const viewer =
    recipient === 'organisation'
      ? ({ kind: 'coordinator', organisationId: match.organisationId } as const)
      : ({ kind: 'volunteer', userId: match.volunteerId } as const);
  const view = (await childGate(viewer, [String(match._id)])).get(String(match._id));
  const status = await statusData(match, recipient === 'organisation' ? 'coordinator' : 'volunteer');
  return {
    consentEnded: status.consentEnded!,
    organisationName,
    askText: view?.ask ?? '',
    ageBand: view?.ageBand ?? '',
    alias: view?.alias ?? '',
    age: view?.age === undefined ? '' : String(view.age),
    interests: list(view?.interests),
    needTags: list(view?.needTags),
    languages: list(view?.languages),
    // A consent that ended is said as such, never as "not yet given".
    notYetAgreed: view?.agreed || status.consentEnded ? '' : 'yes',
  };
}

interface SendOptions {
  /** Every match mail names its match: cancellable while unsent, deleted with the match by retention. */
  aboutMatchId: string;
  /** A notice of what just happened to the match, queued after that event's cancellation. */
  notice?: boolean;
  held?: HeldItem;
}

async function send(
  person: PersonSummary | undefined,
  template: string,
  data: Record<string, string>,
  { aboutMatchId, notice, held }: SendOptions,
) {
  if (!person?.active) return;
  const queue = () =>
    enqueueMail({
      to: person.email,
      template,
      language: person.language,
      data: { ...data, name: person.name },
      aboutMatchId,
      notice,
      idempotencyKey: held?.effectKey(`${template}|${person.id}`),
    });
  // From a job item: only while the item is still this instance's, and never twice to the same person.
  await (held ? held.fenced(queue) : queue());
  // Deliver now rather than at the next scheduled run (stored first, so nothing is lost if it fails).
  kickDelivery();
}

/**
 * The proposal, to every coordinator of the organisation and to the volunteer, each with their own page.
 * `held`: sent as the effect of a job item (the reminder), fenced and keyed by it.
 */
export async function notifyProposal(
  matchId: string,
  baseUrl: string,
  template = 'match-proposal',
  held?: HeldItem,
): Promise<void> {
  const facts = await matchFacts(matchId);
  if (!facts) return;
  const { match } = facts;
  const name = facts.data.organisationName;
  const volunteer = (await describePeople([match.volunteerId])).get(match.volunteerId);
  const options = { aboutMatchId: matchId, held };
  if (!match.acceptedByOrg) {
    const data = await proposalData(match, 'organisation', name);
    for (const coordinator of await coordinatorsOf(match.organisationId))
      await send(coordinator, template, { ...data, link: `${baseUrl}/forening/forslag` }, options);
  }
  if (!match.acceptedByVolunteer) {
    const data = await proposalData(match, 'adult', name);
    await send(volunteer, template, { ...data, link: `${baseUrl}/frivillig/forslag` }, options);
  }
}

/**
 * The answer, to the responsible social worker: accepted by both (consent is next) or declined. A decline
 * ends the match, so its mail is a notice (queued after the decline cancelled the match's unsent mail).
 */
export async function notifyAnswer(
  matchId: string,
  answer: 'accepted' | 'declined',
  baseUrl: string,
): Promise<void> {
  const facts = await matchFacts(matchId);
  if (!facts) return;
  const worker = (await describePeople([facts.responsibleId])).get(facts.responsibleId);
  await send(
    worker,
    `match-${answer}`,
    {
      childAlias: facts.data.childAlias,
      organisationName: facts.data.organisationName,
      ...(answer === 'declined' ? { reason: facts.match.declineReason || '–' } : {}),
      link: `${baseUrl}/sager/${facts.match.requestId}`,
    },
    { aboutMatchId: matchId, notice: answer === 'declined' },
  );
}

/**
 * Who hears of a consent ending besides the responsible social worker (who always does), and what: the
 * match was paused by it, or what the family lets them see of a match not yet active has changed.
 */
export interface ConsentEndedAudience {
  organisation?: 'consent-paused' | 'consent-changed';
  adult?: 'consent-paused' | 'consent-changed';
}

/**
 * A consent ended: the coordinators and the volunteer, when `audience` names them, learn only that the
 * match is paused or that what they may see has changed (no details, not even the alias); the
 * responsible social worker learns which match and how, for every consent that ends. All are notices.
 */
export async function notifyConsentEnded(
  matchId: string,
  how: string,
  baseUrl: string,
  audience: ConsentEndedAudience,
): Promise<void> {
  const facts = await matchFacts(matchId);
  if (!facts) return;
  const { match } = facts;
  const name = facts.data.organisationName;
  const options = { aboutMatchId: matchId, notice: true };
  if (audience.organisation)
    for (const coordinator of await coordinatorsOf(match.organisationId))
      await send(
        coordinator,
        audience.organisation,
        { organisationName: name, link: `${baseUrl}/forening/forslag` },
        options,
      );
  if (audience.adult) {
    const volunteer = (await describePeople([match.volunteerId])).get(match.volunteerId);
    await send(
      volunteer,
      audience.adult,
      { organisationName: name, link: `${baseUrl}/frivillig/forslag` },
      options,
    );
  }
  const worker = (await describePeople([facts.responsibleId])).get(facts.responsibleId);
  await send(
    worker,
    'consent-withdrawn',
    {
      ...(await statusData(match, 'socialWorker')),
      childAlias: match.childAlias,
      organisationName: name,
      how,
      link: `${baseUrl}/sager/${match.requestId}/match/${matchId}/samtykke`,
    },
    options,
  );
}

/** The volunteer deleted their account: the responsible social worker is told the match has ended. */
export async function notifyVolunteerLeft(matchId: string, baseUrl: string): Promise<void> {
  const facts = await matchFacts(matchId);
  if (!facts) return;
  const worker = (await describePeople([facts.responsibleId])).get(facts.responsibleId);
  await send(
    worker,
    'match-volunteer-left',
    {
      childAlias: facts.match.childAlias,
      organisationName: facts.data.organisationName,
      link: `${baseUrl}/sager/${facts.match.requestId}`,
    },
    { aboutMatchId: matchId, notice: true },
  );
}
