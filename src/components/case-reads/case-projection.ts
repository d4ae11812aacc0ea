import type { CloseReason, MatchState, PreventsStep, RequestStatus } from '../requests/index.js';

/**
 * The one projection of a child's request that other components may see: who is responsible, where it
 * stands and when, what it aims to prevent, the postcode area and the interests. Never the child's alias,
 * age, needs text or wishes, so no read built on it can name or describe a child.
 */
export interface CaseRequest {
  id: string;
  responsibleId: string;
  status: RequestStatus;
  createdAt: Date;
  /** When it was closed; a closed request written before the date was kept counts from its last change. */
  closedAt?: Date;
  preventsStep: PreventsStep;
  /** The postcode area the child lives in: reports may be shown per area. */
  postcode: string;
  interests: string[];
}

/** The one projection of a match that other components may see: whose it is and its states over time. */
export interface CaseMatch {
  id: string;
  requestId: string;
  organisationId: string;
  offerId?: string;
  volunteerId: string;
  state: MatchState;
  createdAt: Date;
  closeReason?: CloseReason;
  history: Array<{ state: MatchState; at: Date }>;
}

/** The stored fields a CaseRequest is made of (the municipality too, for reads that group by it). */
export const CASE_REQUEST_FIELDS = {
  municipalityCode: 1,
  responsibleId: 1,
  status: 1,
  createdAt: 1,
  closedAt: 1,
  updatedAt: 1,
  preventsStep: 1,
  postcode: 1,
  interests: 1,
} as const;

/** The stored fields a CaseMatch is made of: of its history only the states and their times. */
export const CASE_MATCH_FIELDS = {
  municipalityCode: 1,
  requestId: 1,
  organisationId: 1,
  offerId: 1,
  volunteerId: 1,
  state: 1,
  createdAt: 1,
  closeReason: 1,
  'history.state': 1,
  'history.at': 1,
} as const;

/** A request as read with CASE_REQUEST_FIELDS. */
export interface StoredCaseRequest {
  _id: unknown;
  municipalityCode: string;
  responsibleId: string;
  status: string;
  createdAt: Date;
  closedAt?: Date | null;
  updatedAt?: Date;
  preventsStep: string;
  postcode: string;
  interests?: string[];
}

/** A match as read with CASE_MATCH_FIELDS. */
export interface StoredCaseMatch {
  _id: unknown;
  municipalityCode: string;
  requestId: string;
  organisationId: string;
  offerId?: string | null;
  volunteerId: string;
  state: string;
  createdAt: Date;
  closeReason?: string | null;
  history: Array<{ state: string; at: Date }>;
}

export function caseRequest(request: StoredCaseRequest): CaseRequest {
  return {
    id: String(request._id),
    responsibleId: request.responsibleId,
    status: request.status as RequestStatus,
    createdAt: request.createdAt,
    closedAt: request.closedAt ?? (request.status === 'closed' ? request.updatedAt : undefined),
    preventsStep: request.preventsStep as PreventsStep,
    postcode: request.postcode,
    interests: request.interests ?? [],
  };
}

export function caseMatch(match: StoredCaseMatch): CaseMatch {
  return {
    id: String(match._id),
    requestId: match.requestId,
    organisationId: match.organisationId,
    offerId: match.offerId ?? undefined,
    volunteerId: match.volunteerId,
    state: match.state as MatchState,
    createdAt: match.createdAt,
    closeReason: (match.closeReason ?? undefined) as CloseReason | undefined,
    history: match.history.map((event) => ({ state: event.state as MatchState, at: event.at })),
  };
}
