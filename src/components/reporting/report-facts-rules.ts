import { createHash } from 'node:crypto';
import type {
  CloseReason,
  MatchForReport,
  MatchState,
  PreventsStep,
  RequestForReport,
} from '../matching/index.js';
import type { FollowUpForReport, ReportInput } from './figures-rules.js';

/**
 * The maintained figures are the report's input itself, kept compact and pseudonymous: per municipality
 * and month, the requests and matches created and the follow-ups due in that month, as rows of plain
 * values. Nothing names a child, an adult or a worker; requests, matches and follow-ups are linked by
 * opaque keys (a hash of the municipality and the record's id), so the report computed from them is the
 * one computed from the records themselves.
 */
type RequestRow = [key: string, createdAt: number, preventsStep: string, status: string, postcode: string];
type MatchRow = [
  key: string,
  requestKey: string,
  state: string,
  createdAt: number,
  closeReason: string | null,
  history: Array<[state: string, at: number]>,
];
type FollowUpRow = [
  matchKey: string,
  dueOn: string,
  state: string,
  answeredAt: number | null,
  wellbeing: number | null,
  worryRaisedAt: number | null,
  worrySeenAt: number | null,
];

interface MonthRows {
  r: RequestRow[];
  m: MatchRow[];
  f: FollowUpRow[];
}

/** An opaque key for a record of a municipality: the same record always gets the same key. */
export function opaqueKey(municipalityCode: string, id: string): string {
  return createHash('sha256').update(`${municipalityCode}:${id}`).digest('base64url').slice(0, 12);
}

const monthOf = (at: Date) => at.toISOString().slice(0, 7);
const time = (at: Date | undefined) => (at ? at.getTime() : null);
const date = (at: number | null) => (at === null ? undefined : new Date(at));
const byText = (a: unknown, b: unknown) => {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * A municipality's report input as one compact text per month (YYYY-MM), each with a digest of its
 * content: rows are sorted, so the same records always give the same text and an unchanged month
 * need not be written again.
 */
export function packFacts(
  municipalityCode: string,
  input: ReportInput,
): Map<string, { body: string; digest: string }> {
  const key = (id: string) => opaqueKey(municipalityCode, id);
  const months = new Map<string, MonthRows>();
  const rowsOf = (month: string) => {
    let rows = months.get(month);
    if (!rows) months.set(month, (rows = { r: [], m: [], f: [] }));
    return rows;
  };
  for (const request of input.requests)
    rowsOf(monthOf(request.createdAt)).r.push([
      key(request.id),
      request.createdAt.getTime(),
      request.preventsStep,
      request.status,
      request.postcode,
    ]);
  for (const match of input.matches)
    rowsOf(monthOf(match.createdAt)).m.push([
      key(match.id),
      key(match.requestId),
      match.state,
      match.createdAt.getTime(),
      match.closeReason ?? null,
      match.history.map((event) => [event.state, event.at.getTime()]),
    ]);
  for (const followUp of input.followUps)
    rowsOf(followUp.dueOn.slice(0, 7)).f.push([
      key(followUp.matchId),
      followUp.dueOn,
      followUp.state,
      time(followUp.answeredAt),
      followUp.wellbeing ?? null,
      time(followUp.worryRaisedAt),
      time(followUp.worrySeenAt),
    ]);
  const packed = new Map<string, { body: string; digest: string }>();
  for (const [month, rows] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const body = JSON.stringify({ r: rows.r.sort(byText), m: rows.m.sort(byText), f: rows.f.sort(byText) });
    packed.set(month, { body, digest: createHash('sha256').update(body).digest('base64url').slice(0, 16) });
  }
  return packed;
}

/** The report input back from its monthly texts (records keep their opaque keys as ids). */
export function unpackFacts(bodies: Iterable<string>): ReportInput {
  const input: ReportInput = { requests: [], matches: [], followUps: [] };
  for (const body of bodies) {
    const rows = JSON.parse(body) as MonthRows;
    for (const [id, createdAt, preventsStep, status, postcode] of rows.r)
      input.requests.push({
        id,
        createdAt: new Date(createdAt),
        preventsStep: preventsStep as PreventsStep,
        status,
        postcode,
      } satisfies RequestForReport);
    for (const [id, requestId, state, createdAt, closeReason, history] of rows.m)
      input.matches.push({
        id,
        requestId,
        state: state as MatchState,
        createdAt: new Date(createdAt),
        closeReason: (closeReason ?? undefined) as CloseReason | undefined,
        history: history.map(([event, at]) => ({ state: event as MatchState, at: new Date(at) })),
      } satisfies MatchForReport);
    for (const [matchId, dueOn, state, answeredAt, wellbeing, worryRaisedAt, worrySeenAt] of rows.f)
      input.followUps.push({
        matchId,
        dueOn,
        state,
        answeredAt: date(answeredAt),
        wellbeing: wellbeing ?? undefined,
        worryRaisedAt: date(worryRaisedAt),
        worrySeenAt: date(worrySeenAt),
      } satisfies FollowUpForReport);
  }
  return input;
}
