import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { findOrganisation, isActiveMember, membershipsOf } from '../organisations/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import {
  certificateState,
  consentWindowDaysLeft,
  expiresWithin,
  hasPendingOrder,
  isVettedThrough,
  missingSteps,
  mayGiveConsent,
  mayWithdrawConsent,
  renewalConsentWanted,
  type VettingFacts,
} from './vetting-rules.js';
import { organisationSettings, readRecord, saveRecord } from './vetting-service.js';
import { lastConsentRequest } from './consent-request-service.js';

function ownUserId(actor: Actor | undefined): string {
  if (!actor || !can(actor, 'vetting:own', { ownerId: actor.userId })) throw new NotFoundError();
  return actor.userId;
}

/** The volunteer's active memberships, each with that organisation's vetting of them (never the note). */
export async function volunteerModel(actor: Actor | undefined, now = new Date()) {
  const userId = ownUserId(actor);
  const memberships = (await membershipsOf(userId)).filter((membership) => membership.status === 'active');
  const organisations = await Promise.all(
    memberships.map(async ({ organisationId }) => {
      const [organisation, settings, record, askedAt] = await Promise.all([
        findOrganisation(organisationId),
        organisationSettings(organisationId),
        readRecord(organisationId, userId),
        lastConsentRequest(organisationId, userId),
      ]);
      if (!organisation) return undefined;
      const facts: VettingFacts = record?.facts ?? { childCertificate: {}, references: [] };
      const certificate = facts.childCertificate ?? {};
      const state = certificateState(certificate, now);
      return {
        organisationId,
        name: organisation.name,
        state,
        vetted: isVettedThrough(facts, settings, now),
        missing: missingSteps(facts, settings, now),
        expiresSoon: expiresWithin(facts, now),
        validUntil: certificate.validUntil,
        consentGivenAt: certificate.consentGivenAt,
        daysLeft: consentWindowDaysLeft(certificate, now),
        mayConsent: mayGiveConsent(certificate, now),
        renewalConsentWanted: renewalConsentWanted(certificate, now),
        // The organisation's latest request for a consent, while the volunteer can still answer it.
        consentAskedAt:
          askedAt &&
          mayGiveConsent(certificate, now) &&
          !(certificate.consentGivenAt && certificate.consentGivenAt > askedAt)
            ? askedAt
            : undefined,
        outcomeStands: Boolean(certificate.outcome) && !hasPendingOrder(certificate),
        mayWithdraw: mayWithdrawConsent(certificate),
      };
    }),
  );
  return { organisations: organisations.filter((entry) => entry !== undefined) };
}

async function changeConsent(
  actor: Actor | undefined,
  organisationId: string,
  kind: 'given' | 'withdrawn',
  context: RequestContext,
): Promise<'changed' | 'unchanged'> {
  const userId = ownUserId(actor);
  if (!/^[0-9a-f]{24}$/.test(organisationId) || !(await isActiveMember(organisationId, userId))) {
    throw new NotFoundError();
  }
  const record = await readRecord(organisationId, userId);
  const facts: VettingFacts = record?.facts ?? { childCertificate: {}, references: [] };
  const certificate = facts.childCertificate ?? {};
  const now = new Date();
  if (kind === 'given') {
    if (!mayGiveConsent(certificate, now)) return 'unchanged';
    facts.childCertificate = { ...certificate, consentGivenAt: now };
  } else {
    // A withdrawal before ordering blocks the order. Once ordered, the binding consent is the one the
    // volunteer gives (or not) in Digital Post, so the withdrawal is recorded and shown to the coordinator,
    // and an outcome the police send, or already sent, stands: it is a dated fact about a certificate that
    // was issued with consent, not something a later withdrawal can undo. A renewal needs a new consent.
    if (!mayWithdrawConsent(certificate)) return 'unchanged';
    facts.childCertificate = { ...certificate, consentWithdrawnAt: now };
  }
  await saveRecord(organisationId, userId, record, facts, {
    event: {
      action: `vetting.consent-${kind}`,
      outcome: 'success',
      actorId: userId,
      actorRole: actor!.role,
      organisationId,
      objectType: 'vetting-record',
      objectId: userId,
    },
    origin: context.origin,
  });
  return 'changed';
}

export const giveConsent = (actor: Actor | undefined, organisationId: string, context: RequestContext) =>
  changeConsent(actor, organisationId, 'given', context);

export const withdrawConsent = (actor: Actor | undefined, organisationId: string, context: RequestContext) =>
  changeConsent(actor, organisationId, 'withdrawn', context);
