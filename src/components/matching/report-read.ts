import { MatchModel } from './match-model.js';
import type { CloseReason, MatchState } from './match-rules.js';
import { RequestModel } from './request-model.js';
import type { PreventsStep } from './request-rules.js';

/** The most requests or matches of one municipality a report reads (a large municipality has ~2,000). */
export const REPORT_READ_LIMIT = 20_000;

/** What reports need of a request: when, what it aims to prevent, where it stands; nothing about the child. */
export interface RequestForReport {
  id: string;
  createdAt: Date;
  preventsStep: PreventsStep;
  status: string;
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

/** One municipality's requests and matches, for its own reports only (the code comes from the session). */
export async function casesForReport(
  municipalityCode: string,
): Promise<{ requests: RequestForReport[]; matches: MatchForReport[] }> {
  const [requests, matches] = await Promise.all([
    RequestModel.find({ municipalityCode }, { createdAt: 1, preventsStep: 1, status: 1 })
      .limit(REPORT_READ_LIMIT)
      .lean(),
    MatchModel.find(
      { municipalityCode },
      { requestId: 1, state: 1, createdAt: 1, closeReason: 1, 'history.state': 1, 'history.at': 1 },
    )
      .limit(REPORT_READ_LIMIT)
      .lean<
        Array<{
          _id: unknown;
          requestId: string;
          state: string;
          createdAt: Date;
          closeReason?: string | null;
          history: Array<{ state: string; at: Date }>;
        }>
      >(),
  ]);
  return {
    requests: requests.map((request) => ({
      id: String(request._id),
      createdAt: request.createdAt as Date,
      preventsStep: request.preventsStep as PreventsStep,
      status: request.status,
    })),
    matches: matches.map((match) => ({
      id: String(match._id),
      requestId: match.requestId,
      state: match.state as MatchState,
      createdAt: match.createdAt as Date,
      closeReason: (match.closeReason ?? undefined) as CloseReason | undefined,
      history: match.history.map((event) => ({ state: event.state as MatchState, at: event.at })),
    })),
  };
}
