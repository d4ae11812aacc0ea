import { gate, isInForce, type ConsentRules, type ConsentState, type Missing } from '../consent/index.js';
import type { MatchState } from './match-rules.js';

/**
 * A case's state, decided in one place: from the stored facts of a request and its matches (the
 * match's state, history and answers, the consent ledger read exactly, the volunteer's børneattest) to
 * one state per match and one for the request. Pages, home lines and mails only translate the answer.
 */
type CaseState =
  | 'new'
  | 'looking'
  | 'proposed'
  | 'accepted'
  | 'waiting-for-consent'
  | 'ready-to-start'
  | 'active'
  | 'paused'
  | 'closed';

type PauseWhy = 'withdrawal' | 'consent-expired' | 'by-hand';
type ConsentEnding = 'withdrawn' | 'expired';

/** The latest version of one consent, with the way it ended when it was withdrawn (or marked expired). */
export type ConsentFact = ConsentState & { withdrawalHow?: string | null };

export interface ConsentSituation {
  /** The activation gate passes: the match may start (or resume). */
  complete: boolean;
  /** Who is missing, first guardian before second, without repeats. */
  missing: Missing['who'][];
  /** The young person's own consent is missing and must be acknowledged with a reason at the start. */
  youthWarning: boolean;
  /** A consent was given once and has ended since (withdrawn, or run out): never "not yet given". */
  ended?: ConsentEnding;
  /** Any consent was ever recorded for the match. */
  everGiven: boolean;
}

/**
 * What the ledger says now. `ended` is reported only while something is missing: a consent that ended
 * and was replaced by a new one in force is history, not the situation.
 */
export function consentSituation(
  consents: readonly ConsentFact[],
  rules: ConsentRules,
  childAge: number,
  now: Date,
): ConsentSituation {
  const result = gate(consents, rules, 'activation', childAge, now);
  const missing = [...new Set(result.missing.map((item) => item.who))];
  const endings = consents
    .filter((consent) => !isInForce(consent, now))
    .map((consent) => ({
      how: consent.withdrawnAt && consent.withdrawalHow !== 'expired' ? 'withdrawn' : 'expired',
      at: consent.withdrawnAt ?? consent.validUntil,
    }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    complete: result.ok,
    missing,
    youthWarning: result.warnings.length > 0,
    ...(result.ok || endings.length === 0 ? {} : { ended: endings[0]!.how as ConsentEnding }),
    everGiven: consents.length > 0,
  };
}

export interface MatchEvent {
  state: string;
  role: string;
  reason?: string | null;
}

export interface MatchFacts {
  state: MatchState;
  acceptedByOrg: boolean;
  acceptedByVolunteer: boolean;
  history: readonly MatchEvent[];
  closeReason?: string | null;
  consent: ConsentSituation;
  /** The volunteer's børneattest has run out: flagged to everyone, it does not pause the match. */
  vettingRunOut: boolean;
}

/** The one next action the social worker is offered for a match, as its primary button or link. */
type NextStep =
  | 'await-answers'
  | 'record-consent'
  | 'start'
  | 'start-with-acknowledgement'
  | 'follow-up'
  | 'resume'
  | 'renew-consent'
  | 'renew-vetting'
  | 'find-candidates'
  | 'none';

export interface MatchCaseState {
  state: CaseState;
  /** Why a match is paused, or why it was closed (a close or withdrawal reason, or "declined"). */
  why?: string;
  /** What is missing before it can start or resume. */
  missing: Missing['who'][];
  /** How the family's consent ended, when that is what is missing now. */
  consentEnded?: ConsentEnding;
  answers: { org: boolean; own: boolean };
  vettingRunOut: boolean;
  /** Whether the match ever ran: a closure before that is a withdrawn proposal. */
  everActive: boolean;
  next: NextStep;
}

/** The last pause that was a pause of its own (a start given back after a failed resume is not). */
function pauseWhy(history: readonly MatchEvent[], consent: ConsentSituation): PauseWhy {
  const pause = [...history]
    .reverse()
    .find((event) => event.state === 'paused' && event.reason !== 'consent-incomplete');
  if (pause?.reason !== 'consent-ended' && pause?.role !== 'system') return 'by-hand';
  return consent.ended === 'expired' ? 'consent-expired' : 'withdrawal';
}

function waitingStep(consent: ConsentSituation): NextStep {
  if (!consent.complete) return 'record-consent';
  return consent.youthWarning ? 'start-with-acknowledgement' : 'start';
}

/** One match's state and the social worker's next step, from its stored facts. */
export function matchCaseState(facts: MatchFacts): MatchCaseState {
  const everActive = facts.history.some((event) => event.state === 'active');
  const base = {
    missing: [] as Missing['who'][],
    answers: { org: facts.acceptedByOrg, own: facts.acceptedByVolunteer },
    vettingRunOut: facts.vettingRunOut,
    everActive,
  };
  const consent = facts.consent;
  const gaps = {
    missing: consent.missing,
    ...(consent.ended ? { consentEnded: consent.ended } : {}),
  };
  switch (facts.state) {
    case 'proposed':
      return { ...base, state: 'proposed', next: 'await-answers' };
    case 'accepted':
      return { ...base, ...gaps, state: 'accepted', next: waitingStep(consent) };
    case 'awaiting-consent':
      if (consent.complete) return { ...base, state: 'ready-to-start', next: waitingStep(consent) };
      return { ...base, ...gaps, state: 'waiting-for-consent', next: 'record-consent' };
    case 'active':
      return { ...base, state: 'active', next: facts.vettingRunOut ? 'renew-vetting' : 'follow-up' };
    case 'paused': {
      const why = pauseWhy(facts.history, consent);
      // Resuming checks the consent and the adult's vetting again: it is offered only when both hold.
      const next: NextStep = !consent.complete
        ? 'renew-consent'
        : facts.vettingRunOut
          ? 'renew-vetting'
          : 'resume';
      return { ...base, ...(consent.complete ? {} : gaps), state: 'paused', why, next };
    }
    case 'declined':
      return { ...base, state: 'closed', why: 'declined', next: 'find-candidates' };
    case 'closed':
      return { ...base, state: 'closed', why: facts.closeReason ?? 'other', next: 'find-candidates' };
  }
}

/** Order of precedence: the request takes the state of its most advanced live match. */
const PRECEDENCE: readonly CaseState[] = [
  'active',
  'paused',
  'ready-to-start',
  'waiting-for-consent',
  'accepted',
  'proposed',
];

export interface RequestCaseState {
  state: CaseState;
  why?: string;
  missing: Missing['who'][];
  consentEnded?: ConsentEnding;
  /** A match holds the child's adult now: only while one is active (a paused match does not). */
  hasAdult: boolean;
  next: NextStep;
}

/**
 * The request's state: closed when the request is; otherwise its most advanced live match's state; with
 * no live match, "new" when nobody was ever proposed and "looking" when earlier proposals ended.
 */
export function requestCaseState(
  requestStatus: string,
  matches: readonly MatchCaseState[],
): RequestCaseState {
  if (requestStatus === 'closed') return { state: 'closed', missing: [], hasAdult: false, next: 'none' };
  const lead = PRECEDENCE.map((state) => matches.find((match) => match.state === state)).find(Boolean);
  if (!lead)
    return {
      state: matches.length === 0 ? 'new' : 'looking',
      missing: [],
      hasAdult: false,
      next: 'find-candidates',
    };
  return {
    state: lead.state,
    ...(lead.why ? { why: lead.why } : {}),
    missing: lead.missing,
    ...(lead.consentEnded ? { consentEnded: lead.consentEnded } : {}),
    hasAdult: lead.state === 'active',
    next: lead.next,
  };
}
