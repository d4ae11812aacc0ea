import type { Role } from '../accounts/index.js';

/**
 * A match's life, as pure rules: proposed → accepted (both sides) or declined → awaiting consent →
 * active (only when the family's consent allows it) ⇄ paused → closed, and who may make each move. The server calls `transition` before it claims
 * a step, so an illegal move is refused here whatever the page offered.
 *
 * Both sides accept: the coordinator for the organisation (it vouches for the adult and the offer) and the
 * volunteer for themself (nobody is given a child they did not agree to). The match is `accepted` only
 * when both have; then, in the same step, it moves on to `awaiting-consent` by itself. Either side's
 * decline ends the proposal.
 */
export const MATCH_STATES = [
  'proposed',
  'accepted',
  'declined',
  'awaiting-consent',
  'active',
  'paused',
  'closed',
] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export const MATCH_ACTIONS = [
  'accept-org',
  'accept-own',
  'decline-org',
  'decline-own',
  'activate',
  'pause',
  'resume',
  'close',
  'consent-ended',
  'start-reverted',
  'volunteer-left',
] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

export const CLOSE_REASONS = [
  'goal-reached',
  'child-lost-interest',
  'volunteer-stopped',
  'family-withdrew',
  'concern',
  'moved',
  'volunteer-left',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Why a proposal was withdrawn before the match started: its own reasons, as "the goal is reached" means
 * nothing for a match that never ran. Stored in the same field as a close reason.
 */
export const WITHDRAW_REASONS = ['family-declined', 'found-other-help', 'needs-changed', 'other'] as const;

/** Every reason a closed match may carry (the two lists share "other"). */
export const ENDING_REASONS = [...new Set<string>([...CLOSE_REASONS, ...WITHDRAW_REASONS])];

/** States from which a close is a withdrawal of the proposal: the match never started. */
export const WITHDRAWABLE_STATES: readonly MatchState[] = ['proposed', 'accepted', 'awaiting-consent'];

/**
 * States in which the match holds the volunteer's place (and the offer's): what capacity counts. A
 * proposal holds its place from the moment it is made, so a volunteer with room for one child is never
 * proposed, accepted or activated for a second.
 */
export const PLACE_HOLDING_STATES: readonly MatchState[] = [
  'proposed',
  'accepted',
  'awaiting-consent',
  'active',
  'paused',
];
/** States in which a match is still going: a second proposal of the same adult for the child is refused. */
// The same states as those holding a place today, named apart because the two rules answer different questions.
export const LIVE_STATES: readonly MatchState[] = [...PLACE_HOLDING_STATES];

/** Days a proposal may wait for its answers before the coordinators and the volunteer are reminded. */
const REMINDER_AFTER_DAYS = 5;

/** Moves the application makes by itself: a consent ended, a volunteer deleted their account. */
export type Mover = Role | 'system';

const WHO: Record<MatchAction, Mover> = {
  'accept-org': 'coordinator',
  'decline-org': 'coordinator',
  'accept-own': 'volunteer',
  'decline-own': 'volunteer',
  activate: 'social-worker',
  pause: 'social-worker',
  resume: 'social-worker',
  close: 'social-worker',
  'consent-ended': 'system',
  'start-reverted': 'system',
  'volunteer-left': 'system',
};

const FROM: Record<MatchAction, readonly MatchState[]> = {
  'accept-org': ['proposed'],
  'accept-own': ['proposed'],
  'decline-org': ['proposed'],
  'decline-own': ['proposed'],
  activate: ['awaiting-consent'],
  pause: ['active'],
  resume: ['paused'],
  // A social worker may withdraw a proposal as well as end a match.
  close: ['proposed', 'awaiting-consent', 'active', 'paused'],
  // Claimed on a match waiting for consent or paused too (it changes nothing there), so that a consent
  // ending and a start are ordered by their step claims and never pass each other unseen.
  'consent-ended': ['active', 'awaiting-consent', 'paused'],
  // A start (activate or resume) that found the consent incomplete after it held its step is given back.
  'start-reverted': ['active'],
  'volunteer-left': ['proposed', 'accepted', 'awaiting-consent', 'active', 'paused'],
};

export interface Acceptances {
  org: boolean;
  own: boolean;
}

export type TransitionResult =
  | { ok: true; states: MatchState[]; acceptances: Acceptances }
  | { ok: false; why: 'role' | 'state' | 'already' };

/**
 * The states a move appends to the history (usually one; none when only one side has accepted so far
 * or when a consent ends on a match that is not running; two when the second acceptance makes the match
 * accepted and then awaiting consent), or why not. A reverted start returns to `revertTarget`: waiting for
 * consent after an activation, paused after a resume.
 */
export function transition(
  state: MatchState,
  action: MatchAction,
  role: Mover,
  acceptances: Acceptances = { org: false, own: false },
  revertTarget: 'awaiting-consent' | 'paused' = 'awaiting-consent',
): TransitionResult {
  if (WHO[action] !== role) return { ok: false, why: 'role' };
  if (!FROM[action].includes(state)) return { ok: false, why: 'state' };
  switch (action) {
    case 'accept-org':
    case 'accept-own': {
      const side = action === 'accept-org' ? 'org' : 'own';
      if (acceptances[side]) return { ok: false, why: 'already' };
      const next = { ...acceptances, [side]: true };
      return {
        ok: true,
        states: next.org && next.own ? ['accepted', 'awaiting-consent'] : [],
        acceptances: next,
      };
    }
    case 'decline-org':
    case 'decline-own':
      return { ok: true, states: ['declined'], acceptances };
    case 'activate':
    case 'resume':
      return { ok: true, states: ['active'], acceptances };
    case 'pause':
      return { ok: true, states: ['paused'], acceptances };
    case 'consent-ended':
      return { ok: true, states: state === 'active' ? ['paused'] : [], acceptances };
    case 'start-reverted':
      return { ok: true, states: [revertTarget], acceptances };
    case 'close':
    case 'volunteer-left':
      return { ok: true, states: ['closed'], acceptances };
  }
}

/** A proposal is due a reminder once it has waited REMINDER_AFTER_DAYS without both answers. */
export function isDueReminder(match: { state: MatchState; proposedAt: Date }, now: Date): boolean {
  return (
    match.state === 'proposed' &&
    now.getTime() - match.proposedAt.getTime() > REMINDER_AFTER_DAYS * 86_400_000
  );
}

/** States before a match has ever run: a consent ending pauses nothing there. */
const NOT_YET_ACTIVE: readonly MatchState[] = ['proposed', 'accepted', 'awaiting-consent'];

export type ConsentEndedMail = 'consent-paused' | 'consent-changed';

/**
 * Whom a consent ending tells besides the responsible social worker (who hears of every one), and what.
 * The coordinators and the volunteer hear only of a change they can notice: the match moved from active
 * to paused (once; a further ending on a paused match changes nothing for them, so it tells them nothing),
 * or, on a match not yet active, the ended consent was one that let them see some of the child's fields,
 * which their pages stop showing now. A consent that never named them changed nothing they could see.
 */
export function consentEndedAudience(ending: {
  paused: boolean;
  stateNow: MatchState | undefined;
  recipients?: readonly string[];
  fields?: readonly string[];
}): { organisation?: ConsentEndedMail; adult?: ConsentEndedMail } {
  if (ending.paused) return { organisation: 'consent-paused', adult: 'consent-paused' };
  if (!ending.stateNow || !NOT_YET_ACTIVE.includes(ending.stateNow) || !ending.fields?.length) return {};
  const named = (who: 'organisation' | 'adult') => ending.recipients?.includes(who) ?? false;
  return {
    ...(named('organisation') ? { organisation: 'consent-changed' as const } : {}),
    ...(named('adult') ? { adult: 'consent-changed' as const } : {}),
  };
}

/**
 * Whether the proposal's ask text names the child by the alias (case-insensitive, as a whole word): the
 * family consents to the ask text and the alias separately, so the text must not carry the alias.
 */
export function askNamesChild(askText: string, childAlias: string): boolean {
  const alias = childAlias.trim();
  if (!alias) return false;
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(askText);
}
