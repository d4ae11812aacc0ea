import { trusted } from 'mongoose';
import { matchStatesOf } from './case-state-service.js';
import type { MatchCaseState } from './case-state-rules.js';
import { MatchModel } from './match-model.js';
import { RequestModel } from './request-model.js';

/** A social worker's requests that are not closed, their matches, and the case state of those that run. */
export interface WorkerCases {
  requests: Array<{ _id: unknown; status: string }>;
  matches: Awaited<ReturnType<typeof readMatches>>;
  /** The case-state rule's answer for every match awaiting consent or active. */
  states: Map<string, MatchCaseState>;
}

/** Cases of one worker: more than this many open at once is not a caseload anyone carries. */
const WORKER_REQUESTS_LIMIT = 500;
const WORKER_MATCHES_LIMIT = 2000;

function readMatches(municipalityCode: string, requestIds: string[]) {
  return MatchModel.find({ municipalityCode, requestId: trusted({ $in: requestIds }) })
    .limit(WORKER_MATCHES_LIMIT)
    .lean();
}

async function readWorkerCases(
  municipalityCode: string,
  responsibleId: string,
  now: Date,
): Promise<WorkerCases> {
  const requests = await RequestModel.find(
    { municipalityCode, responsibleId, status: trusted({ $ne: 'closed' }) },
    { status: 1 },
  )
    .limit(WORKER_REQUESTS_LIMIT)
    .lean();
  const matches =
    requests.length === 0
      ? []
      : await readMatches(
          municipalityCode,
          requests.map((request) => String(request._id)),
        );
  const states = await matchStatesOf(
    matches.filter((match) => ['awaiting-consent', 'active'].includes(match.state)),
    now,
  );
  return { requests, matches, states };
}

// Several lines of one home ask for the same cases: one read per home, keyed by the home's actor object
// (a new one per request, so nothing outlives the page).
const perHome = new WeakMap<object, Promise<WorkerCases>>();

/** The worker's cases for one home page; every line of that page shares one read. */
export function workerCasesFor(
  actor: { userId: string; municipalityCode: string },
  now = new Date(),
): Promise<WorkerCases> {
  let cases = perHome.get(actor);
  if (!cases) {
    cases = readWorkerCases(actor.municipalityCode, actor.userId, now);
    perHome.set(actor, cases);
  }
  return cases;
}
