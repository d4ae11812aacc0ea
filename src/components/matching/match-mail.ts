import { coordinatorsOf, describePeople, type PersonSummary } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { MatchModel } from './match-model.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';

/**
 * What a proposal may tell the organisation and the volunteer: the alias the social worker chose, the
 * age, interests, need tags and what the adult is asked to do. Never the case reference or the team's
 * own text: those are not even read here.
 */
async function proposalFacts(matchId: string) {
  const match = await MatchModel.findById(matchId).lean();
  if (!match) return undefined;
  const request = await RequestModel.findById(match.requestId, {
    birthYear: 1,
    birthMonth: 1,
    interests: 1,
    needTags: 1,
    responsibleId: 1,
  }).lean();
  if (!request) return undefined;
  const organisation = await findOrganisation(match.organisationId);
  return {
    match,
    responsibleId: request.responsibleId,
    data: {
      childAlias: match.childAlias,
      age: String(ageFrom(request.birthYear, request.birthMonth, new Date())),
      interests: request.interests.join(', ') || '–',
      needTags: request.needTags.join(', ') || '–',
      askText: match.askText,
      organisationName: organisation?.name ?? '–',
    },
  };
}

async function send(person: PersonSummary | undefined, template: string, data: Record<string, string>) {
  if (!person?.active) return;
  await enqueueMail({
    to: person.email,
    template,
    language: person.language,
    data: { ...data, name: person.name },
  });
  // Deliver now rather than at the next scheduled run (stored first, so nothing is lost if it fails).
  kickDelivery();
}

/** The proposal, to every coordinator of the organisation and to the volunteer, each with their own page. */
export async function notifyProposal(
  matchId: string,
  baseUrl: string,
  template = 'match-proposal',
): Promise<void> {
  const facts = await proposalFacts(matchId);
  if (!facts) return;
  const { match, data } = facts;
  const volunteer = (await describePeople([match.volunteerId])).get(match.volunteerId);
  if (!match.acceptedByOrg) {
    for (const coordinator of await coordinatorsOf(match.organisationId))
      await send(coordinator, template, { ...data, link: `${baseUrl}/forening/forslag` });
  }
  if (!match.acceptedByVolunteer)
    await send(volunteer, template, { ...data, link: `${baseUrl}/frivillig/forslag` });
}

/** The answer, to the responsible social worker: accepted by both (consent is next) or declined. */
export async function notifyAnswer(
  matchId: string,
  answer: 'accepted' | 'declined',
  baseUrl: string,
): Promise<void> {
  const facts = await proposalFacts(matchId);
  if (!facts) return;
  const worker = (await describePeople([facts.responsibleId])).get(facts.responsibleId);
  await send(worker, `match-${answer}`, {
    childAlias: facts.data.childAlias,
    organisationName: facts.data.organisationName,
    ...(answer === 'declined' ? { reason: facts.match.declineReason || '–' } : {}),
    link: `${baseUrl}/sager/${facts.match.requestId}`,
  });
}
