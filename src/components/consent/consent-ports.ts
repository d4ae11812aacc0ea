import type { Actor } from '../accounts/index.js';
import { listenersOf, seam, signal, wired } from '../../shared/wiring/index.js';

/**
 * Consent sits below matching: it stores requests and matches by id and learns about them through these
 * seams, which matching fills where the app is assembled, so consent never imports it.
 */
export interface ConsentMatch {
  matchId: string;
  requestId: string;
  municipalityCode: string;
  organisationId: string;
  organisationName: string;
  volunteerId: string;
  volunteerName: string;
  responsibleId: string;
  responsibleName: string;
  childAlias: string;
  childAge: number;
  state: string;
  /** The match's state as matching's case-state rule words it (catalog keys), for the worker and the family. */
  status?: { socialWorker: StatusWording; family: StatusWording };
  /** What the family's receipt names: the activity, when and where it meets, and the worker's phone. */
  receipt?: ReceiptFacts;
}

/** Catalog keys for a state: the state, its details, and a flag (such as a børneattest that ran out). */
interface StatusWording {
  key: string;
  details: string[];
  flag?: string;
}

/** Read from matching each time (consent keeps no copy): the offer's title or the ask, time and place. */
interface ReceiptFacts {
  activity: string;
  schedule: Array<{ weekday: number; from: string; to: string }>;
  place?: string;
  responsiblePhone?: string;
}

/**
 * The match, if the actor is on the request's team (a social worker of its municipality); `mayChange`
 * when they may record or withdraw (the responsible worker). Throws NotFoundError otherwise.
 */
type TeamMatchLookup = (
  actor: Actor,
  requestId: string,
  matchId: string,
) => Promise<{ match: ConsentMatch; mayChange: boolean }>;

/** The match by id, for the family's link and the jobs (no actor); undefined when it is gone. */
type MatchLookup = (matchId: string) => Promise<ConsentMatch | undefined>;

/** What happens to the match when a consent ends (withdrawn or expired): pause, cancel mail, tell people. */
export interface ConsentEnded {
  consentId: string;
  matchId: string;
  requestId: string;
  how: string;
  by: string;
  baseUrl: string;
  /** Whom the ended consent let see the child ('organisation', 'adult' …), and which of their fields. */
  recipients: string[];
  fields: string[];
}
export type ConsentEndedListener = (ended: ConsentEnded) => Promise<void>;

/** How consent reads the matches it holds consents for. */
export interface ConsentMatchLookups {
  team: TeamMatchLookup;
  byId: MatchLookup;
}

export const consentMatchLookupsSeam = seam<ConsentMatchLookups>('consent.match-lookups');
export const consentEndedSignal = signal<ConsentEndedListener>('consent.ended');

export async function teamMatch(actor: Actor, requestId: string, matchId: string) {
  const lookups = wired(consentMatchLookupsSeam);
  if (!lookups) throw new Error('No match lookup is wired for consent');
  return lookups.team(actor, requestId, matchId);
}

export async function matchById(matchId: string): Promise<ConsentMatch | undefined> {
  const lookups = wired(consentMatchLookupsSeam);
  return lookups ? lookups.byId(matchId) : undefined;
}

export async function announceConsentEnded(ended: ConsentEnded): Promise<void> {
  for (const listener of listenersOf(consentEndedSignal)) await listener(ended);
}
