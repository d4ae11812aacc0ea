import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/index.js';
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

/**
 * Appends the event that `key` names, unless it is already in the log: the entry's id is derived from the
 * key, so the request that did the work and a repair that completes it later write one entry between them.
 */
export async function recordAuditOnce(
  key: string,
  event: AuditInput,
  origin: Partial<Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>> = {},
): Promise<void> {
  const _id = new Types.ObjectId(createHash('sha256').update(key).digest().subarray(0, 12));
  try {
    await AuditEventModel.create({ _id, ...event, ...origin, at: event.at ?? new Date() });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * The one way entries leave the audit log: retention, after the municipality's period (the model refuses
 * deletes from the rest of the app). It goes to the collection directly, past the model's guard, and the
 * caller records the run itself in the log with its counts. `municipalityCode: null` means entries that
 * belong to no municipality (platform events), which follow the platform's default period.
 */
export async function purgeAuditEntries(municipalityCode: string | null, before: Date): Promise<number> {
  const scope = municipalityCode === null ? { municipalityCode: { $exists: false } } : { municipalityCode };
  const result = await AuditEventModel.collection.deleteMany({ ...scope, at: { $lt: before } });
  return result.deletedCount;
}
