import { can, describePeople, socialWorkersOf, type Actor } from '../accounts/index.js';
import { copenhagenDate, dueFollowUpsForCaseload } from '../followups/index.js';
import { casesForCaseload, type MatchForCaseload, type RequestForCaseload } from '../matching/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import {
  caseloadFigures,
  type CaseloadFigures,
  type CaseloadMatch,
  type CaseloadRequest,
} from './caseload-rules.js';

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

async function facts(municipalityCode: string, now: Date, responsibleId?: string) {
  const [cases, followUps] = await Promise.all([
    casesForCaseload(municipalityCode, responsibleId),
    dueFollowUpsForCaseload(municipalityCode, now),
  ]);
  return {
    requests: cases.requests.map(asRequest),
    matches: cases.matches.map(asMatch),
    followUps,
    today: copenhagenDate(now),
  };
}

/** The social worker's own caseload: only the requests they are responsible for, in their municipality. */
export async function ownCaseload(actor: Actor, now = new Date()): Promise<CaseloadFigures> {
  const municipalityCode = actor.municipalityCode;
  if (!municipalityCode || !can(actor, 'caseload:own', { municipalityCode })) throw new NotFoundError();
  const { requests, matches, followUps, today } = await facts(municipalityCode, now, actor.userId);
  return caseloadFigures(requests, matches, followUps, today);
}

export interface WorkerCaseload {
  id: string;
  name: string;
  /** Still holds an active social-worker grant here (someone who left may still be responsible for cases). */
  current: boolean;
  figures: CaseloadFigures;
}

/**
 * The caseload of every social worker in the actor's municipality, and the team's together: the names
 * of the staff and counts of their cases, never anything about a child.
 */
export async function teamCaseload(
  actor: Actor,
  now = new Date(),
): Promise<{ workers: WorkerCaseload[]; team: CaseloadFigures }> {
  const municipalityCode = actor.municipalityCode;
  if (!municipalityCode || !can(actor, 'caseload:team', { municipalityCode })) throw new NotFoundError();
  const { requests, matches, followUps, today } = await facts(municipalityCode, now);
  const current = await socialWorkersOf(municipalityCode);
  const currentIds = new Set(current.map((person) => person.id));
  // Someone no longer on the team who is still responsible for an open case is listed too, so no case
  // falls out of the team's sight.
  const formerIds = [
    ...new Set(
      requests
        .filter((request) => request.status !== 'closed' && !currentIds.has(request.responsibleId))
        .map((request) => request.responsibleId),
    ),
  ];
  const former = await describePeople(formerIds);
  const people = [
    ...current.map((person) => ({ id: person.id, name: person.name, current: true })),
    ...formerIds.map((id) => ({ id, name: former.get(id)?.name ?? '', current: false })),
  ];
  const workers = people.map((person) => ({
    ...person,
    figures: caseloadFigures(
      requests.filter((request) => request.responsibleId === person.id),
      matches,
      followUps,
      today,
    ),
  }));
  return { workers, team: caseloadFigures(requests, matches, followUps, today) };
}

/** The requests not closed now: one social worker's (for their home) or the whole municipality's. */
export async function openCaseCount(municipalityCode: string, responsibleId?: string): Promise<number> {
  const { requests } = await casesForCaseload(municipalityCode, responsibleId, { withMatches: false });
  return requests.filter((request) => request.status !== 'closed').length;
}
