import { can, type Actor } from '../accounts/index.js';
import { ForbiddenError } from '../../shared/errors/index.js';

/** The municipality whose reports the actor may read: always the session's own, never one asked for. */
export function reportMunicipalityOf(actor: Actor): string {
  if (!can(actor, 'reports:municipality') || !actor.municipalityCode) throw new ForbiddenError();
  return actor.municipalityCode;
}
