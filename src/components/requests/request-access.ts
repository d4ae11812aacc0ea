import { Types } from 'mongoose';
import { can, socialWorkersOf, type Actor, type RequestContext } from '../accounts/index.js';
import { recordAudit, type AuditInput } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import type { AuditedObject } from '../../shared/http/index.js';
import { RequestModel } from './request-model.js';
import { mayChangeRequest } from './request-rules.js';

/** Why a social worker reads or changes a child's request: their casework (the audit log's purpose). */
export const CASEWORK = 'casework';

/** The actor's municipality, checked against the policy here too, so no route can forget it; else 404. */
export function ownMunicipality(actor: Actor): string {
  const municipalityCode = actor.municipalityCode;
  if (!municipalityCode || !can(actor, 'requests:work', { municipalityCode })) throw new NotFoundError();
  return municipalityCode;
}

export function isObjectId(id: string): boolean {
  return /^[0-9a-f]{24}$/.test(id) && Types.ObjectId.isValid(id);
}

/** The case a route's path names: a refused attempt on it is audited (see defineRoute). */
export const AUDITED_CASE: AuditedObject = {
  objectType: 'child-request',
  id: { param: 'requestId', isId: isObjectId },
};

/** A match a route's path names (a proposal, or a match of a case). */
export const AUDITED_MATCH: AuditedObject = {
  objectType: 'match',
  id: { param: 'matchId', isId: isObjectId },
};

/** A request of the actor's own municipality; another municipality's (or nonsense) is a 404. */
export async function loadRequest(actor: Actor, requestId: string) {
  const municipalityCode = ownMunicipality(actor);
  if (!isObjectId(requestId)) throw new NotFoundError();
  const request = await RequestModel.findOne({ _id: requestId, municipalityCode }).lean();
  if (!request) throw new NotFoundError();
  return request;
}

export type StoredRequest = Awaited<ReturnType<typeof loadRequest>>;

/** May the actor make this change: the responsible worker, or a colleague taking over an orphaned case. */
export async function mayChange(
  actor: Actor,
  request: StoredRequest,
  change: 'edit' | 'transfer' | 'close',
): Promise<boolean> {
  const team = await socialWorkersOf(request.municipalityCode);
  return mayChangeRequest(
    {
      actorId: actor.userId,
      responsibleId: request.responsibleId,
      responsibleActive: team.some((person) => person.id === request.responsibleId),
    },
    change,
  );
}

/**
 * One audit entry about a child's case (the request, or a match for it): who, in which role and tenant,
 * what, and why. `purpose` defaults to casework. Written now by auditCase, or owed by a match step.
 */
export function caseAuditEntry(
  actor: Actor,
  entry: { action: string; objectType: 'child-request' | 'match'; objectId?: string; purpose?: string },
  details?: object,
): AuditInput {
  return {
    action: entry.action,
    outcome: 'success',
    actorId: actor.userId,
    actorRole: actor.role,
    municipalityCode: actor.municipalityCode,
    organisationId: actor.organisationId,
    objectType: entry.objectType,
    objectId: entry.objectId,
    purpose: entry.purpose ?? CASEWORK,
    details,
  };
}

export async function auditCase(
  actor: Actor,
  entry: { action: string; objectType: 'child-request' | 'match'; objectId?: string; purpose?: string },
  context: Pick<RequestContext, 'origin'>,
  details?: object,
): Promise<void> {
  await recordAudit(caseAuditEntry(actor, entry, details), context.origin);
}

/** One audit entry about a child's request. */
export async function auditRequest(
  actor: Actor,
  action: string,
  objectId: string | undefined,
  context: Pick<RequestContext, 'origin'>,
  details?: Record<string, unknown>,
): Promise<void> {
  await auditCase(actor, { action, objectType: 'child-request', objectId }, context, details);
}
