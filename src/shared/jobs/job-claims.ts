import { randomBytes } from 'node:crypto';
import { databaseNow, isDuplicateKeyError } from '../db/index.js';
import { JobClaimModel } from './job-model.js';

/** A claim this instance holds on one item: finish it with `complete`, or hand it back with `release`. */
export interface ItemClaim {
  id: string;
  job: string;
  key: string;
  attempt: number;
  /**
   * The fencing token: random, stored on the claim document and known only to its holder. Completing,
   * releasing and every fenced effect compare it, so a holder whose claim was replaced cannot act on it.
   */
  token: string;
}

// A run of takeovers this long means something is wrong with the item itself; stop trying it.
const MAX_ATTEMPTS = 20;

/**
 * Claims `key` of `job` for `holder` for `leaseMs`, or answers null when it is done or someone else's lease
 * still runs. The lease is set and checked with the database's time, so instances with drifting clocks agree.
 */
export async function claimItem(
  job: string,
  key: string,
  holder: string,
  leaseMs: number,
): Promise<ItemClaim | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const id = `${job}|${key}|${attempt}`;
    const now = await databaseNow();
    const token = randomBytes(16).toString('hex');
    try {
      await JobClaimModel.create({
        _id: id,
        job,
        key,
        attempt,
        holder,
        token,
        claimedAt: now,
        leaseUntil: new Date(now.getTime() + leaseMs),
      });
      return { id, job, key, attempt, token };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await JobClaimModel.findById(id).lean();
    if (!existing) continue;
    if (existing.doneAt) return null;
    const leaseOver = existing.releasedAt || existing.leaseUntil.getTime() <= now.getTime();
    if (!leaseOver) return null;
    // The holder died or let go: the next attempt's unique insert decides who takes it over.
  }
  return null;
}

export async function completeClaim(claim: ItemClaim): Promise<void> {
  await JobClaimModel.updateOne(
    { _id: claim.id, token: claim.token },
    { $set: { doneAt: await databaseNow() } },
  );
}

/** Hands the item back at once (shutdown, or the work failed) so the next run may take it. */
export async function releaseClaim(claim: ItemClaim): Promise<void> {
  await JobClaimModel.updateOne(
    { _id: claim.id, token: claim.token },
    { $set: { releasedAt: await databaseNow() } },
  );
}

/**
 * Is the item still this claim's to act on? Read exactly (by `_id`, the lookup both engines serve from
 * the index) and compared with the database's clock: the stored claim carries this claim's token, is
 * neither done nor released, and its lease has not run out. Once the lease has run out another instance
 * may take the item over at any moment, so an expired lease is not ours even before anyone has.
 */
export async function holdsClaim(claim: ItemClaim): Promise<boolean> {
  const stored = await JobClaimModel.findById(claim.id).lean();
  if (!stored || stored.token !== claim.token || stored.doneAt || stored.releasedAt) return false;
  // The clock is read after the claim, so a lease that ran out while the claim was read counts as over.
  const now = await databaseNow();
  return stored.leaseUntil.getTime() > now.getTime();
}
