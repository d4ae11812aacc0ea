import type { MatchCaseState, RequestCaseState } from './case-state-rules.js';
import { WITHDRAW_REASONS } from './match-rules.js';

export type Audience = 'socialWorker' | 'coordinator' | 'volunteer' | 'family';

/** Catalog keys for one state as one audience reads it: the state, its details, and the flag. */
export interface StateWording {
  key: string;
  details: string[];
  flag?: string;
}

function reasonKey(why: string): string {
  if (why === 'declined') return 'caseState.reasons.declined';
  if ((WITHDRAW_REASONS as readonly string[]).includes(why) && why !== 'other')
    return `caseState.withdrawReasons.${why}`;
  return `matching.closeReasons.${why}`;
}

/**
 * The words for a state, per audience (caseState.json). A paused state names why; a closed one the
 * reason; a match waiting for consent (or paused for it) says what is missing, and a consent that
 * ended says so, never "not yet given". The børneattest flag goes to every audience.
 */
export function wordingFor(state: MatchCaseState | RequestCaseState, audience: Audience): StateWording {
  const base = `caseState.${audience}`;
  const key =
    state.state === 'paused' ? `${base}.paused.${state.why ?? 'by-hand'}` : `${base}.${state.state}`;
  const details: string[] = [];
  if (state.state === 'closed' && state.why) details.push(reasonKey(state.why));
  // Only the social worker reads which guardian is missing; the others read that consent is awaited or ended.
  if (state.consentEnded) details.push(`${base}.consentEnded.${state.consentEnded}`);
  if (audience === 'socialWorker') for (const who of state.missing) details.push(`caseState.missing.${who}`);
  const flagged = 'vettingRunOut' in state && state.vettingRunOut;
  return { key, details, ...(flagged ? { flag: `${base}.vettingRunOut` } : {}) };
}
