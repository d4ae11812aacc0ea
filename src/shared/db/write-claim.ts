import { model, Schema, trusted, type Model } from 'mongoose';
import { ConflictError } from '../errors/index.js';
import type { JobDefinition } from '../jobs/index.js';

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
  },
  { strict: 'throw' },
);

writeClaimSchema.index({ collectionName: 1, documentId: 1, version: 1 }, { unique: true });
writeClaimSchema.index({ claimedAt: 1 });

export const WriteClaimModel = model('WriteClaim', writeClaimSchema);

// A claim whose writer died before writing blocks that version; after this long it is taken over.
export const STRANDED_CLAIM_MS = 30_000;

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

async function insertClaim(collectionName: string, documentId: string, version: number, now: Date) {
  await WriteClaimModel.create({ collectionName, documentId, version, claimedAt: now });
}

/**
 * Claims the right to write version `readVersion + 1` of a document, or throws ConflictError when someone
 * else wrote (or is writing) it since it was read. A claim older than STRANDED_CLAIM_MS whose version was
 * never written (its writer crashed) is removed and claimed afresh, so a crash cannot block a document.
 */
export async function claimNextVersion(
  target: Model<never>,
  documentId: string,
  readVersion: number,
  now = new Date(),
): Promise<number> {
  const collectionName = target.collection.collectionName;
  const version = readVersion + 1;
  try {
    await insertClaim(collectionName, documentId, version, now);
    return version;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
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
    await insertClaim(collectionName, documentId, version, now);
    return version;
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('The record changed meanwhile');
    throw error;
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
