import { describePeople, socialWorkersOf } from '../accounts/index.js';
import { copenhagenDate, dueFollowUpsForCaseload } from '../followups/index.js';
import { casesForCaseload, type MatchForCaseload, type RequestForCaseload } from '../case-reads/index.js';
import { createReadModel, type Loaded } from '../../shared/db/index.js';
import type { CaseloadFollowUp, CaseloadMatch, CaseloadRequest } from './caseload-rules.js';

/** Everything a municipality's caseload pages count, and who works there: read once for all of them. */
export interface CaseloadFacts {
  requests: CaseloadRequest[];
  matches: CaseloadMatch[];
  followUps: CaseloadFollowUp[];
  /** The Danish calendar day the follow-ups were judged due or overdue on. */
  today: string;
  /** Social workers with an active grant here, by name. */
  current: Array<{ id: string; name: string }>;
  /** Names of those no longer on the team who are still responsible for an open case. */
  formerNames: Map<string, string>;
}

function asRequest(request: RequestForCaseload): CaseloadRequest {
  return {
    id: request.id,
    responsibleId: request.responsibleId,
    status: request.status,
    openedOn: copenhagenDate(request.createdAt),
    closedOn: request.closedAt ? copenhagenDate(request.closedAt) : undefined,
  };
}

function asMatch(match: MatchForCaseload): CaseloadMatch {
  return {
    requestId: match.requestId,
    state: match.state,
    history: match.history.map((event) => ({ state: event.state, on: copenhagenDate(event.at) })),
  };
}

async function loadFacts(municipalityCode: string): Promise<CaseloadFacts> {
  const now = new Date();
  const [cases, followUps, current] = await Promise.all([
    casesForCaseload(municipalityCode),
    dueFollowUpsForCaseload(municipalityCode, now),
    socialWorkersOf(municipalityCode),
  ]);
  const currentIds = new Set(current.map((person) => person.id));
  const formerIds = [
    ...new Set(
      cases.requests
        .filter((request) => request.status !== 'closed' && !currentIds.has(request.responsibleId))
        .map((request) => request.responsibleId),
    ),
  ];
  const former = await describePeople(formerIds);
  return {
    requests: cases.requests.map(asRequest),
    matches: cases.matches.map(asMatch),
    followUps,
    today: copenhagenDate(now),
    current: current.map((person) => ({ id: person.id, name: person.name })),
    formerNames: new Map(formerIds.map((id) => [id, former.get(id)?.name ?? ''])),
  };
}

/**
 * On the embedded database each of these reads decodes a whole collection (seconds at a large
 * municipality's size), and the pages are opened all day by every social worker: one load per
 * municipality serves them all, never older than READ_BOUNDS.caseload.
 */
const readModel = createReadModel<CaseloadFacts>({
  bound: 'caseload',
  load: loadFacts,
  // Every municipality, with room.
  capacity: 100,
  topics: [],
  afterWrite: 'refresh',
});

export function caseloadFacts(municipalityCode: string): Promise<Loaded<CaseloadFacts>> {
  return readModel.get(municipalityCode);
}
