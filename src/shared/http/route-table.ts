import type { Request, RequestHandler, Response, Router } from 'express';

type HttpMethod = 'get' | 'post';

/**
 * The object a route's request names, declared so that a refused attempt on it (a 403 or 404 for a
 * logged-in person) is audited by the error handler: who tried to see or change which case, consent,
 * follow-up or export.
 */
export interface AuditedObject {
  /** As the audit log names it: 'child-request', 'match', 'consent', 'follow-up', 'report-export'. */
  objectType: string;
  /** The path parameter with the object's id, and its shape; what does not fit is never recorded. */
  id?: { param: string; isId: (value: string) => boolean };
}

export interface RouteEntry {
  method: HttpMethod;
  path: string;
  /** The policy action that guards this route ("public" for pages anyone may see). */
  action: string;
  audited?: AuditedObject;
}

/** What a request to an audited route tried, as the error handler records it when refused. */
export interface AttemptedAccess {
  action: string;
  method: string;
  route: string;
  objectType: string;
  /** From the path, only in an id's shape (never free text); absent for objects without one (an export). */
  objectId?: string;
}

/** A 24-hex-digit database id, the shape of requests' and matches' ids. */
export const isObjectIdShape = (value: string): boolean => /^[0-9a-f]{24}$/.test(value);

// Every route registers here with its policy action; the route × role matrix test walks this table
// and fails on any mounted route that is missing from it.
const routeTable: RouteEntry[] = [];

export function listRoutes(): readonly RouteEntry[] {
  return routeTable;
}

/** The attempt noted for this request by an audited route, if any. */
export function attemptedAccess(res: Response): AttemptedAccess | undefined {
  return res.locals.attemptedAccess as AttemptedAccess | undefined;
}

// Runs before the route's guard, so an attempt the guard refuses is known too.
function noteAttempt(entry: RouteEntry, audited: AuditedObject): RequestHandler {
  return (req: Request, res, next) => {
    const raw = audited.id ? req.params[audited.id.param] : undefined;
    const objectId = typeof raw === 'string' && audited.id?.isId(raw) ? raw : undefined;
    // A path whose id has no id's shape names no object: refusing it is not an attempt on one.
    if (audited.id && objectId === undefined) return next();
    const attempt: AttemptedAccess = {
      action: entry.action,
      method: entry.method.toUpperCase(),
      route: entry.path,
      objectType: audited.objectType,
      objectId,
    };
    res.locals.attemptedAccess = attempt;
    next();
  };
}

export function defineRoute(
  router: Router,
  entry: RouteEntry,
  guard: RequestHandler,
  ...handlers: RequestHandler[]
): void {
  if (!routeTable.some((r) => r.method === entry.method && r.path === entry.path)) routeTable.push(entry);
  const noted = entry.audited ? [noteAttempt(entry, entry.audited)] : [];
  router[entry.method](entry.path, ...noted, guard, ...handlers);
}
