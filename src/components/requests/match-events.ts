import { trusted } from 'mongoose';
import { listenersOf, signal } from '../../shared/wiring/index.js';
import { MatchModel } from './match-model.js';
import type { MatchState } from './match-rules.js';
import { RequestModel } from './request-model.js';

/** A match that changed state, as components above matching need it (never the case text). */
export interface MatchMoved {
  matchId: string;
  /** Every state the step passed through, in order (accepting may pass through two). */
  states: MatchState[];
  at: Date;
}

/** What the follow-ups of one match need to know about it: never the child's details (ask `childGate`). */
export interface MatchFacts {
  matchId: string;
  requestId: string;
  municipalityCode: string;
  organisationId: string;
  volunteerId: string;
  state: MatchState;
  /** The request's responsible social worker now. */
  responsibleId: string;
  history: Array<{ state: MatchState; at: Date }>;
}

export type MatchMovedListener = (event: MatchMoved) => Promise<void>;

/** Components above matching learn here when a match becomes active, is paused, resumed or closed. */
export const matchMovedSignal = signal<MatchMovedListener>('requests.match-moved');

/**
 * Tells every listener, after the step is stored. A listener's failure never undoes the move: listeners
 * keep a scheduled job that reconciles from `liveMatchFacts`, so a missed event is caught up there.
 */
export async function announceMatchMoved(event: MatchMoved): Promise<void> {
  for (const listener of listenersOf(matchMovedSignal)) {
    try {
      await listener(event);
    } catch {
      // Caught up by the listener's own reconciling job.
    }
  }
}

function toFacts(match: InstanceType<typeof MatchModel> | Record<string, unknown>, responsibleId: string) {
  const m = match as unknown as {
    _id: unknown;
    requestId: string;
    municipalityCode: string;
    organisationId: string;
    volunteerId: string;
    state: MatchState;
    history: Array<{ state: MatchState; at: Date }>;
  };
  return {
    matchId: String(m._id),
    requestId: m.requestId,
    municipalityCode: m.municipalityCode,
    organisationId: m.organisationId,
    volunteerId: m.volunteerId,
    state: m.state,
    responsibleId,
    history: m.history.map((event) => ({ state: event.state, at: event.at })),
  } satisfies MatchFacts;
}

const isId = (id: string) => /^[0-9a-f]{24}$/.test(id);

export async function matchFacts(matchId: string): Promise<MatchFacts | undefined> {
  if (!isId(matchId)) return undefined;
  const match = await MatchModel.findById(matchId).lean();
  if (!match) return undefined;
  const request = isId(match.requestId)
    ? await RequestModel.findById(match.requestId, { responsibleId: 1 }).lean()
    : null;
  return toFacts(match, request?.responsibleId ?? match.proposedBy);
}

/** The state of each of these matches now, in one read (ids that are no match are left out). */
export async function matchStates(matchIds: readonly string[]): Promise<Map<string, MatchState>> {
  const ids = [...new Set(matchIds)].filter(isId);
  if (ids.length === 0) return new Map();
  const matches = await MatchModel.find({ _id: trusted({ $in: ids }) }, { state: 1 }).lean();
  return new Map(matches.map((match) => [String(match._id), match.state as MatchState]));
}

/** Matches that are active, paused or closed since `closedSince`: what follow-up planning looks at. */
export async function liveMatchFacts(closedSince: Date): Promise<MatchFacts[]> {
  const matches = await MatchModel.find({
    $or: [
      { state: trusted({ $in: ['active', 'paused'] }) },
      { state: 'closed', updatedAt: trusted({ $gte: closedSince }) },
    ],
  }).lean();
  const requestIds = [...new Set(matches.map((match) => match.requestId))];
  const requests = await RequestModel.find(
    { _id: trusted({ $in: requestIds }) },
    { responsibleId: 1 },
  ).lean();
  const responsible = new Map(requests.map((request) => [String(request._id), request.responsibleId]));
  return matches.map((match) => toFacts(match, responsible.get(match.requestId) ?? match.proposedBy));
}
