import { MatchModel, RequestModel } from '../requests/index.js';
import {
  CASE_MATCH_FIELDS,
  CASE_REQUEST_FIELDS,
  caseMatch,
  caseRequest,
  type CaseMatch,
  type CaseRequest,
  type StoredCaseMatch,
  type StoredCaseRequest,
} from './case-projection.js';

/** The most requests or matches of one municipality a report reads (a large municipality has ~2,000). */
export const REPORT_READ_LIMIT = 20_000;
/** The most requests or matches the country-wide read behind the maintained figures reads. */
export const NATIONAL_REPORT_READ_LIMIT = 1_000_000;

/** What reports need of a request: when, where, what it aims to prevent, where it stands; not the child. */
export type RequestForReport = Pick<CaseRequest, 'id' | 'createdAt' | 'preventsStep' | 'postcode'> & {
  /** As text: a report's facts are also unpacked from the maintained figures' stored rows. */
  status: string;
};

/** What reports need of a match: its states over time and why it ended. */
export type MatchForReport = Pick<
  CaseMatch,
  'id' | 'requestId' | 'state' | 'createdAt' | 'closeReason' | 'history'
>;

/** One municipality's requests and matches, for its own reports only (the code comes from the session). */
export async function casesForReport(
  municipalityCode: string,
): Promise<{ requests: RequestForReport[]; matches: MatchForReport[] }> {
  const [requests, matches] = await Promise.all([
    RequestModel.find({ municipalityCode }, CASE_REQUEST_FIELDS)
      .limit(REPORT_READ_LIMIT)
      .lean<StoredCaseRequest[]>(),
    MatchModel.find({ municipalityCode }, CASE_MATCH_FIELDS)
      .limit(REPORT_READ_LIMIT)
      .lean<StoredCaseMatch[]>(),
  ]);
  return { requests: requests.map(caseRequest), matches: matches.map(caseMatch) };
}

interface CasesByMunicipality {
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
    RequestModel.find({}, CASE_REQUEST_FIELDS).limit(NATIONAL_REPORT_READ_LIMIT).lean<StoredCaseRequest[]>(),
    MatchModel.find({}, CASE_MATCH_FIELDS).limit(NATIONAL_REPORT_READ_LIMIT).lean<StoredCaseMatch[]>(),
  ]);
  const grouped: CasesByMunicipality = { requests: new Map(), matches: new Map() };
  for (const request of requests) push(grouped.requests, request.municipalityCode, caseRequest(request));
  for (const match of matches) push(grouped.matches, match.municipalityCode, caseMatch(match));
  return grouped;
}
