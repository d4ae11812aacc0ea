import {
  MatchModel,
  type CloseReason,
  type MatchState,
  RequestModel,
  type PreventsStep,
} from '../requests/index.js';

/** The most requests or matches of one municipality a report reads (a large municipality has ~2,000). */
export const REPORT_READ_LIMIT = 20_000;
/** The most requests or matches the country-wide read behind the maintained figures reads. */
export const NATIONAL_REPORT_READ_LIMIT = 1_000_000;

/** What reports need of a request: when, where, what it aims to prevent, where it stands; not the child. */
export interface RequestForReport {
  id: string;
  createdAt: Date;
  preventsStep: PreventsStep;
  status: string;
  /** The postcode area the child lives in: reports may be shown per area. */
  postcode: string;
}

/** What reports need of a match: its states over time and why it ended. */
export interface MatchForReport {
  id: string;
  requestId: string;
  state: MatchState;
  createdAt: Date;
  closeReason?: CloseReason;
  history: Array<{ state: MatchState; at: Date }>;
}

const REQUEST_FIELDS = { municipalityCode: 1, createdAt: 1, preventsStep: 1, status: 1, postcode: 1 };
const MATCH_FIELDS = {
  municipalityCode: 1,
  requestId: 1,
  state: 1,
  createdAt: 1,
  closeReason: 1,
  'history.state': 1,
  'history.at': 1,
};

interface StoredRequest {
  _id: unknown;
  municipalityCode: string;
  createdAt: Date;
  preventsStep: string;
  status: string;
  postcode: string;
}

interface StoredMatch {
  _id: unknown;
  municipalityCode: string;
  requestId: string;
  state: string;
  createdAt: Date;
  closeReason?: string | null;
  history: Array<{ state: string; at: Date }>;
}

const requestForReport = (request: StoredRequest): RequestForReport => ({
  id: String(request._id),
  createdAt: request.createdAt,
  preventsStep: request.preventsStep as PreventsStep,
  status: request.status,
  postcode: request.postcode,
});

const matchForReport = (match: StoredMatch): MatchForReport => ({
  id: String(match._id),
  requestId: match.requestId,
  state: match.state as MatchState,
  createdAt: match.createdAt,
  closeReason: (match.closeReason ?? undefined) as CloseReason | undefined,
  history: match.history.map((event) => ({ state: event.state as MatchState, at: event.at })),
});

/** One municipality's requests and matches, for its own reports only (the code comes from the session). */
export async function casesForReport(
  municipalityCode: string,
): Promise<{ requests: RequestForReport[]; matches: MatchForReport[] }> {
  const [requests, matches] = await Promise.all([
    RequestModel.find({ municipalityCode }, REQUEST_FIELDS).limit(REPORT_READ_LIMIT).lean<StoredRequest[]>(),
    MatchModel.find({ municipalityCode }, MATCH_FIELDS).limit(REPORT_READ_LIMIT).lean<StoredMatch[]>(),
  ]);
  return { requests: requests.map(requestForReport), matches: matches.map(matchForReport) };
}

export interface CasesByMunicipality {
  requests: Map<string, RequestForReport[]>;
  matches: Map<string, MatchForReport[]>;
}

function push<T>(groups: Map<string, T[]>, key: string, item: T) {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

/**
 * Every municipality's requests and matches in one pass over each collection, grouped by municipality:
 * the maintained figures are rebuilt from this, because on an engine without indexes one pass over
 * everything costs what one municipality's filtered read costs.
 */
export async function casesForReportEverywhere(): Promise<CasesByMunicipality> {
  const [requests, matches] = await Promise.all([
    RequestModel.find({}, REQUEST_FIELDS).limit(NATIONAL_REPORT_READ_LIMIT).lean<StoredRequest[]>(),
    MatchModel.find({}, MATCH_FIELDS).limit(NATIONAL_REPORT_READ_LIMIT).lean<StoredMatch[]>(),
  ]);
  const grouped: CasesByMunicipality = { requests: new Map(), matches: new Map() };
  for (const request of requests) push(grouped.requests, request.municipalityCode, requestForReport(request));
  for (const match of matches) push(grouped.matches, match.municipalityCode, matchForReport(match));
  return grouped;
}
