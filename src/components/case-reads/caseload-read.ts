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
import { REPORT_READ_LIMIT } from './report-read.js';

/** What a caseload needs of a request: who is responsible, where it stands, when it opened and closed. */
export type RequestForCaseload = Pick<
  CaseRequest,
  'id' | 'responsibleId' | 'status' | 'createdAt' | 'closedAt'
>;

/** What a caseload needs of a match: its request and its states over time (never the child's alias). */
export type MatchForCaseload = Pick<CaseMatch, 'requestId' | 'state' | 'history'>;

/**
 * One municipality's requests (of one responsible social worker when `responsibleId` is given) and their
 * matches. The municipality comes from the session; no field about the child is read.
 */
export async function casesForCaseload(
  municipalityCode: string,
  responsibleId?: string,
  { withMatches = true } = {},
): Promise<{ requests: RequestForCaseload[]; matches: MatchForCaseload[] }> {
  const requests = await RequestModel.find(
    responsibleId ? { municipalityCode, responsibleId } : { municipalityCode },
    CASE_REQUEST_FIELDS,
  )
    .limit(REPORT_READ_LIMIT)
    .lean<StoredCaseRequest[]>();
  const ids = new Set(requests.map((request) => String(request._id)));
  const matches =
    ids.size === 0 || !withMatches
      ? []
      : await MatchModel.find({ municipalityCode }, CASE_MATCH_FIELDS)
          .limit(REPORT_READ_LIMIT)
          .lean<StoredCaseMatch[]>();
  return {
    requests: requests.map(caseRequest),
    matches: matches.filter((match) => ids.has(match.requestId)).map(caseMatch),
  };
}
