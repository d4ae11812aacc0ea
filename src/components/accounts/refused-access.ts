import type { Request } from 'express';
import { recordAudit, requestOrigin } from '../../shared/audit/index.js';
import type { AttemptedAccess } from '../../shared/http/index.js';
import { currentActor } from './authorize.js';

/**
 * A logged-in person was refused an object a route names (a case, a consent, a follow-up, an export):
 * the attempt goes into the audit log with the outcome "denied". Anonymous visitors are not recorded
 * (they are sent to log in, and a stranger's guesses must not be able to fill the log).
 */
export async function auditRefusedAccess(req: Request, attempt: AttemptedAccess): Promise<void> {
  const actor = currentActor(req);
  if (!actor) return;
  await recordAudit(
    {
      action: attempt.action,
      outcome: 'denied',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode: actor.municipalityCode,
      organisationId: actor.organisationId,
      objectType: attempt.objectType,
      objectId: attempt.objectId,
      details: { method: attempt.method, route: attempt.route },
    },
    requestOrigin(req),
  );
}
