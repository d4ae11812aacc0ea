import { can, type Actor } from '../accounts/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { caseloadFacts } from './caseload-read-model.js';
import { caseloadFigures, type CaseloadFigures } from './caseload-rules.js';

/**
 * The social worker's own caseload: only the requests they are responsible for, in their municipality,
 * counted from the municipality's caseload facts (at most READ_BOUNDS.caseload old).
 */
export async function ownCaseload(actor: Actor): Promise<CaseloadFigures> {
  const municipalityCode = actor.municipalityCode;
  if (!municipalityCode || !can(actor, 'caseload:own', { municipalityCode })) throw new NotFoundError();
  const { requests, matches, followUps, today } = (await caseloadFacts(municipalityCode)).value;
  const own = requests.filter((request) => request.responsibleId === actor.userId);
  return caseloadFigures(own, matches, followUps, today);
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
): Promise<{ workers: WorkerCaseload[]; team: CaseloadFigures }> {
  const municipalityCode = actor.municipalityCode;
  if (!municipalityCode || !can(actor, 'caseload:team', { municipalityCode })) throw new NotFoundError();
  const { requests, matches, followUps, today, current, formerNames } = (
    await caseloadFacts(municipalityCode)
  ).value;
  // Someone no longer on the team who is still responsible for an open case is listed too, so no case
  // falls out of the team's sight.
  const people = [
    ...current.map((person) => ({ id: person.id, name: person.name, current: true })),
    ...[...formerNames].map(([id, name]) => ({ id, name, current: false })),
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
