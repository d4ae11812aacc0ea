import { model, Schema, trusted, type Model } from 'mongoose';
import { ConflictError } from '../errors/index.js';
import type { JobDefinition } from '../jobs/index.js';
import { databaseNow } from './database-time.js';
import { isDuplicateKeyError } from './duplicate-key.js';

/**
 * The claim on one version of one document. FerretDB 1.x updates are read-modify-write without locking,
 * so `updateOne({ _id, updatedAt })` lets two concurrent writers both match and the later one silently
 * undoes the earlier. A unique insert is the one thing both engines refuse to do twice: a writer that read
 * version n inserts (collection, id, n + 1) first, and only the writer whose insert lands may write.
 */
const writeClaimSchema = new Schema(
  {
    collectionName: { type: String, required: true },
    documentId: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    claimedAt: { type: Date, required: true },
    // What the write owes besides itself (an audit entry), kept until it is done, so a writer cut off
    // between its write and that entry is completed by a repair (see shared/audit).
    owes: { type: Schema.Types.Mixed },
    settled: { type: Boolean, required: true, default: true },
  },
  { strict: 'throw' },
);

writeClaimSchema.index({ collectionName: 1, documentId: 1, version: 1 }, { unique: true });
writeClaimSchema.index({ claimedAt: 1 });
writeClaimSchema.index({ settled: 1, claimedAt: 1 });

export const WriteClaimModel = model('WriteClaim', writeClaimSchema);

// A claim whose writer died before writing blocks that version; after this long (by the database's
// clock, which every instance shares) it is taken over.
export const STRANDED_CLAIM_MS = 30_000;

async function insertClaim(
  collectionName: string,
  documentId: string,
  version: number,
  now: Date,
  owes?: unknown,
) {
  await WriteClaimModel.create({
    collectionName,
    documentId,
    version,
    claimedAt: now,
    ...(owes === undefined ? {} : { owes, settled: false }),
  });
}

/**
 * Claims the right to write version `readVersion + 1` of a document, or throws ConflictError when someone
 * else wrote (or is writing) it since it was read. A claim older than STRANDED_CLAIM_MS whose version was
 * never written (its writer crashed) is removed and claimed afresh, so a crash cannot block a document.
 * Claim times are the database's (`now` only for tests), so a clock running ahead on one instance
 * cannot take over a live claim.
 */
export async function claimNextVersion(
  target: Model<never>,
  documentId: string,
  readVersion: number,
  at?: Date,
  owes?: unknown,
): Promise<number> {
  const now = at ?? (await databaseNow());
  const collectionName = target.collection.collectionName;
  const version = readVersion + 1;
  try {
    await insertClaim(collectionName, documentId, version, now, owes);
    return version;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const claim = await WriteClaimModel.findOne({ collectionName, documentId, version }).lean();
  const current = await target.findById(documentId, { writeVersion: 1 }).lean<{ writeVersion?: number }>();
  const stranded =
    claim &&
    now.getTime() - claim.claimedAt.getTime() > STRANDED_CLAIM_MS &&
    (current?.writeVersion ?? 0) === readVersion;
  if (!stranded) throw new ConflictError('The record changed meanwhile');
  await WriteClaimModel.deleteOne({ _id: claim._id });
  try {
    await insertClaim(collectionName, documentId, version, now, owes);
    return version;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new ConflictError('The record changed meanwhile');
    throw error;
  }
}

/**
 * Claims version `readVersion + 1` and writes it with `set`, guarded on the version read: a writer
 * whose claim was taken over meanwhile (it stalled past STRANDED_CLAIM_MS) finds the version moved on and
 * gets ConflictError instead of overwriting the newer write. Returns the version written.
 */
export async function writeNextVersion(
  target: Model<never>,
  documentId: string,
  readVersion: number,
  set: Record<string, unknown>,
  options: { runValidators?: boolean; owes?: unknown } = {},
): Promise<number> {
  const version = await claimNextVersion(target, documentId, readVersion, undefined, options.owes);
  await writeClaimedVersion(target, documentId, readVersion, version, set, options);
  return version;
}

/** Marks what a claimed write owed as done. */
export async function settleWriteClaim(collectionName: string, documentId: string, version: number) {
  await WriteClaimModel.updateOne({ collectionName, documentId, version }, { $set: { settled: true } });
}

/** The write after a claim: lands only while the document is still at the version read. */
export async function writeClaimedVersion(
  target: Model<never>,
  documentId: string,
  readVersion: number,
  version: number,
  set: Record<string, unknown>,
  options: { runValidators?: boolean } = {},
): Promise<void> {
  // Documents written before versions existed have none: that is version 0.
  const current = readVersion === 0 ? trusted({ $in: [0, null] }) : readVersion;
  const result = await target.updateOne(
    { _id: documentId, writeVersion: current } as never,
    { $set: { ...set, writeVersion: version } } as never,
    { runValidators: options.runValidators },
  );
  if (result.matchedCount === 0) throw new ConflictError('The record changed meanwhile');
}

/**
 * Runs a read-compute-write use case again when its claimed write lost to another writer. Only for
 * changes computed afresh from what is stored on each attempt (so a retry cannot undo the other write).
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 10): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConflictError) || tried >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * tried));
    }
  }
}

/** Claims older than a day are history: their versions have been written or taken over. */
export async function deleteOldWriteClaims(now = new Date()): Promise<number> {
  const result = await WriteClaimModel.deleteMany({
    claimedAt: trusted({ $lt: new Date(now.getTime() - 86_400_000) }),
  });
  return result.deletedCount;
}

export const writeClaimJobs: JobDefinition[] = [
  {
    name: 'write-claims:delete-old',
    schedule: '23 3 * * *',
    run: (context) => deleteOldWriteClaims(context?.now),
  },
];
