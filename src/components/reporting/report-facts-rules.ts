import { createHash } from 'node:crypto';
import { type CloseReason, type MatchState, type PreventsStep } from '../requests/index.js';
import { type MatchForReport, type RequestForReport } from '../case-reads/index.js';
import type { FollowUpForReport, ReportInput } from './figures-rules.js';

/**
 * The maintained figures are the report's input itself, kept compact and pseudonymous: per municipality,
 * the requests and matches created and the follow-ups due in each month, as rows of plain values. Nothing names a child, an adult or a worker; requests, matches and follow-ups are linked by
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
/** Rows as JSON texts in text order: the same rows always give the same text. */
const sortedTexts = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

/** A run of consecutive months' rows as one text, and a digest of that text. */
export interface FactsChunk {
  fromMonth: string;
  toMonth: string;
  body: string;
  digest: string;
}

/**
 * Up to this many characters of rows go in one chunk. Every document read costs a pass over the
 * collection on the embedded engine, so a municipality's figures are read in as few documents as fit
 * well under the 16 MB document limit: one for a large municipality (2,000 matches are about 2 MB).
 */
const CHUNK_CHARACTERS = 4_000_000;

/**
 * A municipality's report input as compact texts: rows grouped by month (YYYY-MM) and consecutive
 * months joined into chunks of up to `chunkCharacters`, each with a digest of its content. Rows are
 * sorted, so the same records always give the same texts and an unchanged chunk need not be written again.
 */
export function packFacts(
  municipalityCode: string,
  input: ReportInput,
  chunkCharacters = CHUNK_CHARACTERS,
): FactsChunk[] {
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
  const chunks: FactsChunk[] = [];
  let current:
    { fromMonth: string; toMonth: string; r: string[]; m: string[]; f: string[]; size: number } | undefined;
  const close = () => {
    if (!current) return;
    const body = `{"r":[${current.r.join(',')}],"m":[${current.m.join(',')}],"f":[${current.f.join(',')}]}`;
    const digest = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    chunks.push({ fromMonth: current.fromMonth, toMonth: current.toMonth, body, digest });
    current = undefined;
  };
  for (const [month, rows] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const texts = { r: sortedTexts(rows.r), m: sortedTexts(rows.m), f: sortedTexts(rows.f) };
    const size = [...texts.r, ...texts.m, ...texts.f].reduce((sum, text) => sum + text.length + 1, 0);
    if (current && current.size + size > chunkCharacters) close();
    if (!current) current = { fromMonth: month, toMonth: month, r: [], m: [], f: [], size: 0 };
    current.r.push(...texts.r);
    current.m.push(...texts.m);
    current.f.push(...texts.f);
    current.toMonth = month;
    current.size += size;
  }
  close();
  return chunks;
}

/** The report input back from its chunks' texts (records keep their opaque keys as ids). */
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
