import { MatchModel, type MatchState, RequestModel, type RequestStatus } from '../requests/index.js';
import { REPORT_READ_LIMIT } from './report-read.js';

/** What a caseload needs of a request: who is responsible, where it stands, when it opened and closed. */
export interface RequestForCaseload {
  id: string;
  responsibleId: string;
  status: RequestStatus;
  createdAt: Date;
  /** When it was closed; a closed request written before the date was kept counts from its last change. */
  closedAt?: Date;
}

/** What a caseload needs of a match: its request and its states over time (never the child's alias). */
export interface MatchForCaseload {
  requestId: string;
  state: MatchState;
  history: Array<{ state: MatchState; at: Date }>;
}

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
    { responsibleId: 1, status: 1, createdAt: 1, closedAt: 1, updatedAt: 1 },
  )
    .limit(REPORT_READ_LIMIT)
    .lean();
  const ids = new Set(requests.map((request) => String(request._id)));
  const matches =
    ids.size === 0 || !withMatches
      ? []
      : await MatchModel.find(
          { municipalityCode },
          { requestId: 1, state: 1, 'history.state': 1, 'history.at': 1 },
        )
          .limit(REPORT_READ_LIMIT)
          .lean<Array<{ requestId: string; state: string; history: Array<{ state: string; at: Date }> }>>();
  return {
    requests: requests.map((request) => ({
      id: String(request._id),
      responsibleId: request.responsibleId,
      status: request.status as RequestStatus,
      createdAt: request.createdAt as Date,
      closedAt:
        request.closedAt ??
        (request.status === 'closed' ? (request.updatedAt as Date | undefined) : undefined),
    })),
    matches: matches
      .filter((match) => ids.has(match.requestId))
      .map((match) => ({
        requestId: match.requestId,
        state: match.state as MatchState,
        history: match.history.map((event) => ({ state: event.state as MatchState, at: event.at })),
      })),
  };
}
