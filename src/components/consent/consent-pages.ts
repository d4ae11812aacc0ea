import { can, type Actor, type RequestContext } from '../accounts/index.js';
import type { StoredVersion } from './consent-ledger.js';
import { rulesOf } from './consent-policy-service.js';
import type { ConsentMatch } from './consent-ports.js';
import { CHILD_FIELDS, CONSENT_HOW, CUSTODY, gate, isInForce, RECIPIENTS } from './consent-rules.js';
import { ledgerFor, stateOf } from './consent-service.js';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A year from today: a sensible default for how long a consent lasts (the worker changes it). */
function inAYear(now: Date): string {
  return day(new Date(now.getTime() + 365 * 86_400_000));
}

/**
 * The social worker's page for one match's consents: the checklist (what each stage needs, what is
 * there, what is missing), the consents in force with their withdrawal, the form, and the full history.
 */
export async function checklistModel(
  actor: Actor,
  requestId: string,
  matchId: string,
  context: RequestContext,
) {
  const { match, mayChange, versions, current } = await ledgerFor(actor, requestId, matchId, context);
  const rules = await rulesOf(match.municipalityCode);
  const now = new Date();
  const states = current.map(stateOf);
  const proposal = gate(states, rules, 'proposal', match.childAge, now);
  const activation = gate(states, rules, 'activation', match.childAge, now);
  const inForce = current.filter((version) => isInForce(stateOf(version), now));
  return {
    titleKey: 'consent.checklist.title',
    match,
    requestId: match.requestId,
    matchId: match.matchId,
    mayChange,
    purposes: rules.purposes.map((purpose) => ({
      purpose,
      forProposal: rules.proposalPurposes.includes(purpose),
      forActivation: rules.activationPurposes.includes(purpose),
      agreedBy: inForce
        .filter((version) => version.purposes.includes(purpose))
        .map((version) => `${version.initials}`),
    })),
    proposal,
    activation,
    youthAge: rules.youthAge,
    youthAsked: rules.youthConsentAsked && match.childAge >= rules.youthAge,
    canActivate: mayChange && match.state === 'awaiting-consent',
    // The case's other pages: the follow-up plan once the match has run, the rules for those who set them.
    followUpLink: ['active', 'paused'].includes(match.state)
      ? `/opfoelgning/forloeb/${match.matchId}`
      : undefined,
    rulesLink: can(actor, 'consent:configure', { municipalityCode: match.municipalityCode })
      ? '/kommune/samtykke'
      : undefined,
    inForce: inForce.map((version) => ({ ...version, id: version.consentId })),
    history: [...versions].reverse().map((version: StoredVersion) => ({ ...version })),
    choices: { custody: CUSTODY, how: CONSENT_HOW, recipients: RECIPIENTS, fields: CHILD_FIELDS },
    defaults: { givenAt: day(now), validUntil: inAYear(now) },
  };
}

/** The family's receipt: what was agreed, with whom, until when, how to withdraw, whom to call. */
export function receiptModel(
  match: ConsentMatch,
  consent: {
    consenter: string;
    initials: string;
    purposes: readonly string[];
    recipients: readonly string[];
    fields: readonly string[];
    givenAt: Date;
    validUntil: Date;
  },
  link: string | undefined,
) {
  return {
    titleKey: 'consent.receipt.title',
    consent,
    organisationName: match.organisationName,
    adultName: match.volunteerName,
    responsibleName: match.responsibleName,
    receipt: match.receipt,
    childAlias: match.childAlias,
    link,
    requestId: match.requestId,
    matchId: match.matchId,
  };
}
