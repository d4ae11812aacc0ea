/**
 * Vetting as pure rules: what state each step is in, what is missing, whether a volunteer is vetted through a
 * date, and which step may follow which. No database, no clock: `now` is always passed in.
 */
import { addDays, addMonths } from './vetting-period.js';

export const CERTIFICATE_OUTCOMES = ['clear', 'needs-assessment', 'lapsed'] as const;
export type CertificateOutcome = (typeof CERTIFICATE_OUTCOMES)[number];
export const INTERVIEW_OUTCOMES = ['suitable', 'not-suitable'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];
export const VETTING_STEPS = ['childCertificate', 'interview', 'references', 'training'] as const;
export type VettingStep = (typeof VETTING_STEPS)[number];

export const CONSENT_WINDOW_DAYS = 14;
export const REMINDER_AFTER_DAYS = 10;
export const EXPIRY_WARNING_DAYS = 60;
export const REFERENCE_SLOTS = [1, 2] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export { addDays, addMonths, validityMonths, minimumTrainingHours } from './vetting-period.js';

export interface ChildCertificate {
  consentGivenAt?: Date;
  consentWithdrawnAt?: Date;
  orderedAt?: Date;
  orderedBy?: string;
  outcome?: CertificateOutcome;
  outcomeAt?: Date;
  outcomeBy?: string;
  validUntil?: Date;
  renewalDueAt?: Date;
}

interface Interview {
  heldOn: Date;
  interviewer: string;
  outcome: InterviewOutcome;
  note?: string;
  recordedBy: string;
  recordedAt: Date;
}

interface ReferenceCheck {
  slot: number;
  checked: boolean;
  checkedBy: string;
  checkedAt: Date;
}

interface Training {
  hours: number;
  completedOn: Date;
  recordedBy: string;
  recordedAt: Date;
}

export interface VettingFacts {
  childCertificate?: ChildCertificate;
  interview?: Interview;
  references?: ReferenceCheck[];
  training?: Training;
}

/** What vetting needs from the municipalities' settings (already combined for the organisation). */
export interface VettingSettings {
  minimumTrainingHours: number;
}

/** An order that has no outcome yet (a renewal order keeps the earlier certificate's validUntil). */
export function hasPendingOrder(certificate: ChildCertificate | undefined): boolean {
  if (!certificate?.orderedAt) return false;
  return !certificate.outcomeAt || certificate.outcomeAt < certificate.orderedAt;
}

/** A consent counts when it was not withdrawn since, and each order uses up the consent it was based on. */
export function hasCurrentConsent(certificate: ChildCertificate | undefined): boolean {
  const given = certificate?.consentGivenAt;
  if (!given) return false;
  if (certificate.consentWithdrawnAt && certificate.consentWithdrawnAt >= given) return false;
  if (certificate.orderedAt && certificate.orderedAt >= given) return false;
  return true;
}

/**
 * Any consent not yet withdrawn can be withdrawn, in every phase; what it changes differs (see
 * volunteer-service.ts): before ordering it blocks the order, afterwards it is recorded and shown.
 */
export function mayWithdrawConsent(certificate: ChildCertificate | undefined): boolean {
  const given = certificate?.consentGivenAt;
  if (!given) return false;
  return !certificate.consentWithdrawnAt || certificate.consentWithdrawnAt < given;
}

/**
 * A (new) consent is asked for when none is current, nothing is pending, and no valid certificate exists
 * whose renewal is not yet due: there is nothing for a consent to do before then.
 */
export function mayGiveConsent(certificate: ChildCertificate | undefined, now: Date): boolean {
  if (hasCurrentConsent(certificate) || hasPendingOrder(certificate)) return false;
  const renewalDue = certificate?.renewalDueAt;
  return !(certificate?.validUntil && certificate.validUntil >= now && renewalDue && renewalDue > now);
}

/**
 * The volunteer's own step in a renewal: a certificate still valid whose renewal is due, with no consent
 * for the next order yet. The certificate step itself is done until the old one runs out, so without this
 * the volunteer would read "0 steps left" while the organisation waits for them.
 */
export function renewalConsentWanted(certificate: ChildCertificate | undefined, now: Date): boolean {
  return (
    Boolean(certificate?.validUntil && certificate.validUntil >= now) && mayGiveConsent(certificate, now)
  );
}

/** Whole days left of the 14 days to consent in Digital Post; undefined without a pending order. */
export function consentWindowDaysLeft(
  certificate: ChildCertificate | undefined,
  now: Date,
): number | undefined {
  if (!hasPendingOrder(certificate)) return undefined;
  const closes = addDays(certificate!.orderedAt!, CONSENT_WINDOW_DAYS).getTime();
  return Math.max(0, Math.ceil((closes - now.getTime()) / DAY_MS));
}

export type OrderRefusal = 'no-consent' | 'consent-withdrawn' | 'already-ordered';

/** Ordering needs a current consent given after the last order; a withdrawn consent blocks it. */
export function orderRefusal(certificate: ChildCertificate | undefined): OrderRefusal | undefined {
  if (hasPendingOrder(certificate)) return 'already-ordered';
  if (hasCurrentConsent(certificate)) return undefined;
  const given = certificate?.consentGivenAt;
  const withdrawn = certificate?.consentWithdrawnAt;
  return given && withdrawn && withdrawn >= given ? 'consent-withdrawn' : 'no-consent';
}

export type OutcomeRefusal = 'not-ordered' | 'window-open';

/** An outcome only after an order; "lapsed" only once the 14 days have passed without one. */
export function outcomeRefusal(
  certificate: ChildCertificate | undefined,
  outcome: CertificateOutcome,
  now: Date,
): OutcomeRefusal | undefined {
  if (!hasPendingOrder(certificate)) return 'not-ordered';
  if (outcome === 'lapsed' && consentWindowDaysLeft(certificate, now)! > 0) return 'window-open';
  return undefined;
}

export function applyOrder(certificate: ChildCertificate, by: string, now: Date): ChildCertificate {
  return { ...certificate, orderedAt: now, orderedBy: by };
}

/**
 * Records the outcome of the pending order. A clear one is valid for `months` from now, with renewal due 60
 * days before. "Needs assessment" withdraws any earlier validity (there is something to look at); a lapsed
 * renewal leaves the earlier certificate valid until it runs out.
 */
export function applyOutcome(
  certificate: ChildCertificate,
  outcome: CertificateOutcome,
  by: string,
  now: Date,
  months: number,
): ChildCertificate {
  const next: ChildCertificate = { ...certificate, outcome, outcomeAt: now, outcomeBy: by };
  if (outcome === 'clear') {
    next.validUntil = addMonths(now, months);
    next.renewalDueAt = addDays(next.validUntil, -EXPIRY_WARNING_DAYS);
  }
  if (outcome === 'needs-assessment') {
    delete next.validUntil;
    delete next.renewalDueAt;
  }
  return next;
}

export type CertificateState =
  | 'no-consent'
  | 'consent-withdrawn'
  | 'consented'
  | 'ordered'
  | 'window-passed'
  | 'clear'
  | 'needs-assessment'
  | 'expired'
  | 'lapsed';

/** The certificate in one word, led by what happens next (a pending order, then a valid certificate …). */
export function certificateState(certificate: ChildCertificate | undefined, now: Date): CertificateState {
  if (hasPendingOrder(certificate)) {
    return consentWindowDaysLeft(certificate, now)! > 0 ? 'ordered' : 'window-passed';
  }
  if (certificate?.validUntil && certificate.validUntil >= now) return 'clear';
  if (certificate?.outcome === 'needs-assessment') return 'needs-assessment';
  const refusal = orderRefusal(certificate);
  if (!refusal) return 'consented';
  if (refusal === 'consent-withdrawn') return 'consent-withdrawn';
  if (certificate?.outcome === 'clear') return 'expired';
  if (certificate?.outcome === 'lapsed') return 'lapsed';
  return 'no-consent';
}

export type StepState = 'done' | 'missing' | 'failed';

export function stepState(
  facts: VettingFacts,
  step: VettingStep,
  settings: VettingSettings,
  date: Date,
): StepState {
  switch (step) {
    case 'childCertificate': {
      const certificate = facts.childCertificate;
      if (certificate?.validUntil && certificate.validUntil >= date) return 'done';
      return certificateState(certificate, date) === 'needs-assessment' ? 'failed' : 'missing';
    }
    case 'interview':
      if (!facts.interview) return 'missing';
      return facts.interview.outcome === 'suitable' ? 'done' : 'failed';
    case 'references':
      return referencesChecked(facts) === REFERENCE_SLOTS.length ? 'done' : 'missing';
    case 'training':
      return facts.training && facts.training.hours >= settings.minimumTrainingHours ? 'done' : 'missing';
  }
}

function referencesChecked(facts: VettingFacts): number {
  return REFERENCE_SLOTS.filter((slot) => facts.references?.some((r) => r.slot === slot && r.checked)).length;
}

/** The steps not done (missing or failed) as of `date`, in the order a coordinator works through them. */
export function missingSteps(facts: VettingFacts, settings: VettingSettings, date: Date): VettingStep[] {
  return VETTING_STEPS.filter((step) => stepState(facts, step, settings, date) !== 'done');
}

/** Complete and valid through `date` (e.g. the end of the expected match period). */
export function isVettedThrough(facts: VettingFacts, settings: VettingSettings, date: Date): boolean {
  return missingSteps(facts, settings, date).length === 0;
}

/** A certificate still valid now that runs out within the next 60 days: time to renew. */
export function expiresWithin(facts: VettingFacts, now: Date, days = EXPIRY_WARNING_DAYS): boolean {
  const until = facts.childCertificate?.validUntil;
  return Boolean(until && until >= now && until <= addDays(now, days));
}

/** Orders due a reminder: older than 10 days, window still open, no outcome. */
export function isDueReminder(certificate: ChildCertificate | undefined, now: Date): boolean {
  if (!hasPendingOrder(certificate)) return false;
  const ordered = certificate!.orderedAt!;
  return ordered <= addDays(now, -REMINDER_AFTER_DAYS) && ordered > addDays(now, -CONSENT_WINDOW_DAYS);
}
