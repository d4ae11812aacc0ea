import { coordinatorsOf, describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { danishDay, onceToday } from './candidate-notices.js';
import { rankedFor } from './candidate-ranked.js';
import { auditRequest, type StoredRequest } from '../requests/index.js';

const ASK = 'candidate-vetting-ask';

/** Each organisation's coordinators get one mail naming their own members whose vetting stands in the way. */
async function mailOrganisation(
  organisationId: string,
  organisationName: string,
  volunteerIds: readonly string[],
  baseUrl: string,
  idempotency: string,
) {
  const [coordinators, people] = await Promise.all([
    coordinatorsOf(organisationId),
    describePeople(volunteerIds),
  ]);
  const volunteers = volunteerIds.map((id) => people.get(id)?.name ?? '–').join(', ');
  for (const coordinator of coordinators) {
    await enqueueMail({
      to: coordinator.email,
      template: ASK,
      language: coordinator.language,
      data: {
        name: coordinator.name,
        organisationName,
        volunteers,
        count: String(volunteerIds.length),
        link: `${baseUrl}/forening/godkendelse`,
      },
      idempotencyKey: `${idempotency}|${coordinator.id}`,
    });
  }
  return coordinators.length;
}

/**
 * Asks the organisations of the people left out by their vetting alone (by this request's own ranking) to
 * renew it: each organisation's coordinators are told which of their members would fit a child now,
 * at most once per request and organisation a day (a unique claim). The child is not described to them,
 * and the social worker learns nothing about those people beyond the count the page already shows.
 * Audited with counts only. Returns how many organisations were asked now and how many already today.
 */
export async function askForRenewal(
  actor: Actor,
  request: StoredRequest,
  baseUrl: string,
  context: RequestContext,
  now = new Date(),
): Promise<{ asked: number; already: number }> {
  const requestId = String(request._id);
  const { nearMisses } = await rankedFor(request, now);
  const byOrganisation = new Map<string, string[]>();
  for (const { volunteerId, organisationId } of nearMisses.vetting)
    byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), volunteerId]);
  const organisations = await describeOrganisations([...byOrganisation.keys()]);
  let asked = 0;
  let already = 0;
  for (const [organisationId, volunteerIds] of byOrganisation) {
    const subject = `${requestId}:${organisationId}`;
    const name = organisations.get(organisationId)?.name ?? '–';
    const key = `${ASK}|${subject}|${danishDay(now)}`;
    const sent = await onceToday(ASK, subject, now, () =>
      mailOrganisation(organisationId, name, volunteerIds, baseUrl, key),
    );
    if (!sent) {
      already += 1;
      continue;
    }
    asked += 1;
  }
  if (asked > 0) kickDelivery();
  await auditRequest(actor, 'candidates.ask-renewal', requestId, context, {
    organisations: asked,
    alreadyToday: already,
    volunteers: nearMisses.vetting.length,
  });
  return { asked, already };
}
