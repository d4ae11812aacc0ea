import { describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { danishDay } from '../../shared/time/index.js';
import { requireMember } from './coordinator-service.js';
import { VettingClaimModel } from './vetting-model.js';
import { hasCurrentConsent, mayGiveConsent } from './vetting-rules.js';
import { readRecord } from './vetting-service.js';

/** A coordinator's request for a member's consent is claimed under this kind, once per member per day. */
const CONSENT_REQUEST = 'consent-request';

const requestKey = (organisationId: string, memberId: string) => `${organisationId}:${memberId}`;

export type ConsentRequestOutcome = 'asked' | 'already-asked-today' | 'already-consented' | 'not-needed';

/**
 * The coordinator asks a member to give the consent a (renewal) order needs: a mail to the volunteer, whose
 * vetting steps on their home already count the consent as theirs to give. Asked at most once a day per
 * member, by a unique claim (two coordinators clicking at once send one mail). Refused kindly where the
 * volunteer has nothing to give: a consent is current, an order waits, or the renewal is not due yet.
 */
export async function askForConsent(
  actor: Actor,
  memberId: string,
  context: RequestContext,
  now = new Date(),
): Promise<ConsentRequestOutcome> {
  const organisationId = await requireMember(actor, memberId);
  const certificate = (await readRecord(organisationId, memberId))?.facts.childCertificate;
  if (hasCurrentConsent(certificate)) return 'already-consented';
  if (!mayGiveConsent(certificate, now)) return 'not-needed';
  try {
    await VettingClaimModel.create({
      kind: CONSENT_REQUEST,
      recordId: requestKey(organisationId, memberId),
      dueKey: danishDay(now),
      claimedAt: now,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return 'already-asked-today';
    throw error;
  }
  const [people, organisation] = await Promise.all([
    describePeople([memberId]),
    findOrganisation(organisationId),
  ]);
  const volunteer = people.get(memberId);
  if (volunteer?.active) {
    await enqueueMail({
      to: volunteer.email,
      template: 'vetting-consent-request',
      language: volunteer.language,
      data: {
        name: volunteer.name,
        organisationName: organisation?.name ?? '',
        link: `${context.baseUrl}/frivillig/godkendelse`,
      },
      idempotencyKey: `${CONSENT_REQUEST}|${requestKey(organisationId, memberId)}|${danishDay(now)}`,
    });
    kickDelivery();
  }
  await recordAudit(
    {
      action: 'vetting.consent-requested',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      organisationId,
      objectType: 'vetting-record',
      objectId: memberId,
    },
    context.origin,
  );
  return 'asked';
}

/** When the organisation last asked the member for a consent, if it has. */
export async function lastConsentRequest(
  organisationId: string,
  memberId: string,
): Promise<Date | undefined> {
  const latest = await VettingClaimModel.findOne({
    kind: CONSENT_REQUEST,
    recordId: requestKey(organisationId, memberId),
  })
    .sort({ claimedAt: -1 })
    .lean();
  return latest?.claimedAt;
}
