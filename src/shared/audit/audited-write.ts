import { trusted, type Model } from 'mongoose';
import { settleWriteClaim, WriteClaimModel, writeNextVersion } from '../db/index.js';
import type { JobDefinition } from '../jobs/index.js';
import { recordAuditOnce, type AuditInput } from './audit-log.js';
import type { AuditEvent } from './audit-model.js';

type Origin = Partial<Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>>;

/** A write is left to its own request this long before the repair writes its audit entry in its place. */
const SETTLE_AFTER_MS = 60_000;
/** A claim whose version was still not written after this long was given up by its writer. */
const GIVE_UP_AFTER_MS = 10 * 60_000;

const auditKey = (collectionName: string, documentId: string, version: number) =>
  `write-claim:${collectionName}:${documentId}:${version}`;

/**
 * A claimed write (see writeNextVersion) with the audit entry it owes carried on its claim: the entry is
 * written once after the write, by this request, or by the repair job when the request was cut off
 * between the two (a stop past its limit, a crash). Returns the version written.
 */
export async function writeVersionAudited(
  target: Model<never>,
  documentId: string,
  readVersion: number,
  set: Record<string, unknown>,
  audit: { event: AuditInput; origin?: Origin },
  options: { runValidators?: boolean } = {},
): Promise<number> {
  const event = { ...audit.event, at: audit.event.at ?? new Date() };
  const owes = { audit: { event, origin: audit.origin ?? {} } };
  const version = await writeNextVersion(target, documentId, readVersion, set, { ...options, owes });
  const collectionName = target.collection.collectionName;
  await recordAuditOnce(auditKey(collectionName, documentId, version), event, audit.origin);
  await settleWriteClaim(collectionName, documentId, version);
  return version;
}

/**
 * The repair: claimed writes older than a minute whose audit entry may be missing. A written version gets
 * its entry (once: the entry's id comes from the claim); a version never written after ten minutes was
 * given up by its writer and owes nothing. At most `limit` a run, oldest first.
 */
export async function completeAuditedWrites(now: Date, limit = 200): Promise<number> {
  const claims = await WriteClaimModel.find({
    settled: false,
    claimedAt: trusted({ $lt: new Date(now.getTime() - SETTLE_AFTER_MS) }),
  })
    .sort({ claimedAt: 1 })
    .limit(limit)
    .lean();
  let completed = 0;
  for (const claim of claims) {
    const target = Object.values(WriteClaimModel.db.models).find(
      (model) => model.collection.collectionName === claim.collectionName,
    );
    const written = await target?.exists({
      _id: claim.documentId,
      writeVersion: trusted({ $gte: claim.version }),
    });
    const owed = (claim.owes as { audit?: { event: AuditInput; origin: Origin } } | undefined)?.audit;
    if (written && owed) {
      await recordAuditOnce(
        auditKey(claim.collectionName, claim.documentId, claim.version),
        owed.event,
        owed.origin,
      );
      completed += 1;
    } else if (now.getTime() - claim.claimedAt.getTime() < GIVE_UP_AFTER_MS) continue;
    await settleWriteClaim(claim.collectionName, claim.documentId, claim.version);
  }
  return completed;
}

export const auditedWriteJobs: JobDefinition[] = [
  {
    name: 'audit:complete-writes',
    schedule: '*/2 * * * *',
    run: (context) => completeAuditedWrites(context?.now ?? new Date()),
  },
];
