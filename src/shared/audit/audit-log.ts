import type { Request } from 'express';
import { AuditEventModel, type AuditEvent } from './audit-model.js';

export type AuditInput = Omit<AuditEvent, 'at' | 'ip' | 'userAgent' | 'requestId'> & { at?: Date };

/** Where a request came from, for the audit log (req.ip honours TRUST_PROXY, so a spoofed header does not count). */
export function requestOrigin(req: Request): Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'> {
  return {
    ip: req.ip,
    userAgent: req.get('user-agent')?.slice(0, 200),
    requestId: typeof req.id === 'string' ? req.id : undefined,
  };
}

/** Appends one event. Awaited by callers: an action whose audit entry cannot be written does not succeed. */
export async function recordAudit(
  event: AuditInput,
  origin: Partial<Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>> = {},
): Promise<void> {
  await AuditEventModel.create({ ...event, ...origin, at: event.at ?? new Date() });
}
