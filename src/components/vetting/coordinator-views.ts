import { describePeople, type Actor } from '../accounts/index.js';
import { findOrganisation, listMemberships } from '../organisations/index.js';
import {
  certificateState,
  consentWindowDaysLeft,
  expiresWithin,
  hasCurrentConsent,
  hasPendingOrder,
  isVettedThrough,
  mayGiveConsent,
  missingSteps,
  REFERENCE_SLOTS,
  stepState,
  VETTING_STEPS,
  type VettingFacts,
} from './vetting-rules.js';
import {
  organisationSettings,
  readRecord,
  readRecordsOf,
  type OrganisationVettingSettings,
} from './vetting-service.js';
import { ownOrganisation, requireMember } from './coordinator-service.js';
import { lastConsentRequest } from './consent-request-service.js';

const EMPTY: VettingFacts = { childCertificate: {}, references: [] };

function summary(facts: VettingFacts, settings: OrganisationVettingSettings, now: Date) {
  return {
    vetted: isVettedThrough(facts, settings, now),
    missing: missingSteps(facts, settings, now),
    expiresSoon: expiresWithin(facts, now),
    validUntil: facts.childCertificate?.validUntil,
    renewalDueAt: facts.childCertificate?.renewalDueAt,
    certificateState: certificateState(facts.childCertificate, now),
    daysLeft: consentWindowDaysLeft(facts.childCertificate, now),
  };
}

/** Every active member of the own organisation with their vetting state; vetted ones last. */
export async function overviewModel(actor: Actor | undefined, now = new Date()) {
  const organisationId = ownOrganisation(actor);
  const [organisation, settings, members] = await Promise.all([
    findOrganisation(organisationId),
    organisationSettings(organisationId),
    listMemberships(organisationId),
  ]);
  const records = await readRecordsOf(
    organisationId,
    members.map((member) => member.userId),
  );
  const rows = members.map((member) => ({
    userId: member.userId,
    name: member.name,
    ...summary(records.get(member.userId)?.facts ?? EMPTY, settings, now),
  }));
  return {
    organisationName: organisation?.name ?? '',
    settings,
    rows,
    counts: {
      vetted: rows.filter((row) => row.vetted).length,
      missing: rows.filter((row) => !row.vetted).length,
      expiring: rows.filter((row) => row.expiresSoon).length,
    },
  };
}

/** One member's record with a small form per step; the note is shown to coordinators only (here). */
export async function memberModel(actor: Actor | undefined, memberId: string, now = new Date()) {
  const organisationId = await requireMember(actor, memberId);
  const [settings, record, lastAskedAt] = await Promise.all([
    organisationSettings(organisationId),
    readRecord(organisationId, memberId),
    lastConsentRequest(organisationId, memberId),
  ]);
  const facts = record?.facts ?? EMPTY;
  const certificate = facts.childCertificate ?? {};
  const recorders = [
    certificate.orderedBy,
    certificate.outcomeBy,
    facts.interview?.recordedBy,
    facts.training?.recordedBy,
    ...(facts.references ?? []).map((reference) => reference.checkedBy),
  ].filter((id): id is string => Boolean(id));
  const people = await describePeople([memberId, ...recorders]);
  const nameOf = (id: string | undefined) => (id ? (people.get(id)?.name ?? '–') : undefined);
  return {
    memberId,
    memberName: people.get(memberId)?.name ?? '',
    settings,
    ...summary(facts, settings, now),
    steps: VETTING_STEPS.map((step) => ({ step, state: stepState(facts, step, settings, now) })),
    certificate: {
      ...certificate,
      orderedByName: nameOf(certificate.orderedBy),
      outcomeByName: nameOf(certificate.outcomeBy),
      consentCurrent: hasCurrentConsent(certificate),
      pending: hasPendingOrder(certificate),
      // Ordering needs the volunteer's consent: without one, the page offers to ask for it (where the
      // volunteer can give it now) instead of an order that would be refused.
      mayAskForConsent: !hasCurrentConsent(certificate) && mayGiveConsent(certificate, now),
      lastAskedAt:
        lastAskedAt && (!certificate.consentGivenAt || lastAskedAt > certificate.consentGivenAt)
          ? lastAskedAt
          : undefined,
      withdrawnAfterOrder: Boolean(
        certificate.orderedAt &&
        certificate.consentWithdrawnAt &&
        certificate.consentWithdrawnAt > certificate.orderedAt,
      ),
    },
    interview: facts.interview && { ...facts.interview, recordedByName: nameOf(facts.interview.recordedBy) },
    references: REFERENCE_SLOTS.map((slot) => {
      const reference = facts.references?.find((r) => r.slot === slot);
      return { slot, ...reference, checkedByName: nameOf(reference?.checkedBy) };
    }),
    training: facts.training && { ...facts.training, recordedByName: nameOf(facts.training.recordedBy) },
  };
}
