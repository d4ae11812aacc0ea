import { type MatchState } from '../requests/index.js';

/** How far back the series of open cases goes, the current month included. */
const CASELOAD_MONTHS = 12;

const REQUEST_STATES = ['open', 'matched', 'closed'] as const;
const MATCH_STATE_ORDER: readonly MatchState[] = [
  'proposed',
  'accepted',
  'awaiting-consent',
  'active',
  'paused',
  'declined',
  'closed',
];
const LIVE: readonly MatchState[] = ['proposed', 'accepted', 'awaiting-consent', 'active', 'paused'];

/** A request as the rules see it: dates already turned into Danish calendar days (YYYY-MM-DD). */
export interface CaseloadRequest {
  id: string;
  responsibleId: string;
  status: string;
  openedOn: string;
  closedOn?: string;
}

export interface CaseloadMatch {
  requestId: string;
  state: MatchState;
  /** The match's states, each with the Danish calendar day it began, oldest first. */
  history: Array<{ state: MatchState; on: string }>;
}

export interface CaseloadFollowUp {
  requestId: string;
  audience: 'volunteer' | 'family';
  status: string;
}

export interface MonthPoint {
  /** YYYY-MM */
  month: string;
  openRequests: number;
  liveMatches: number;
}

export interface CaseloadFigures {
  requests: Array<{ state: string; count: number }>;
  matches: Array<{ state: MatchState; count: number }>;
  months: MonthPoint[];
  /** The social worker's own conversations with families, and volunteers' check-ins past their date. */
  due: { familyDue: number; familyOverdue: number; checkInsOverdue: number };
  /** Requests not closed now: the cases the social worker carries today. */
  openNow: number;
}

/** The last `count` months up to and including today's, oldest first, as YYYY-MM. */
export function lastMonths(today: string, count = CASELOAD_MONTHS): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** The last day of a month (YYYY-MM-DD), or today for the month still running. */
export function measuredOn(month: string, today: string): string {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  const end = last.toISOString().slice(0, 10);
  return end < today ? end : today;
}

/** A request is open on a day from the day it was made until the day it was closed. */
export function requestOpenOn(request: CaseloadRequest, day: string): boolean {
  return request.openedOn <= day && !(request.closedOn !== undefined && request.closedOn <= day);
}

/** The state a match was in at the end of a day (undefined before it was proposed). */
export function matchStateOn(match: CaseloadMatch, day: string): MatchState | undefined {
  let state: MatchState | undefined;
  for (const event of match.history) if (event.on <= day) state = event.state;
  return state;
}

/**
 * The caseload of one social worker (or of anything given: a team's requests), from their requests, the
 * matches of those requests and the follow-ups due on them. Counts only: nothing about a child.
 */
export function caseloadFigures(
  requests: readonly CaseloadRequest[],
  matches: readonly CaseloadMatch[],
  followUps: readonly CaseloadFollowUp[],
  today: string,
): CaseloadFigures {
  const ids = new Set(requests.map((request) => request.id));
  const own = matches.filter((match) => ids.has(match.requestId));
  const dueOwn = followUps.filter((followUp) => ids.has(followUp.requestId));
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    requests: REQUEST_STATES.map((state) => ({
      state,
      count: count(requests, (request) => request.status === state),
    })),
    matches: MATCH_STATE_ORDER.map((state) => ({
      state,
      count: count(own, (match) => match.state === state),
    })),
    months: lastMonths(today).map((month) => {
      const day = measuredOn(month, today);
      return {
        month,
        openRequests: count(requests, (request) => requestOpenOn(request, day)),
        liveMatches: count(own, (match) => LIVE.includes(matchStateOn(match, day) as MatchState)),
      };
    }),
    due: {
      familyDue: count(dueOwn, (f) => f.audience === 'family' && f.status === 'due'),
      familyOverdue: count(dueOwn, (f) => f.audience === 'family' && f.status === 'overdue'),
      checkInsOverdue: count(dueOwn, (f) => f.audience === 'volunteer' && f.status === 'overdue'),
    },
    openNow: count(requests, (request) => request.status !== 'closed'),
  };
}
