import { danishDay as danishCalendarDay } from '../../shared/time/index.js';
import { isDuplicateKeyError, WriteClaimModel } from '../../shared/db/index.js';

const DAY_MS = 86_400_000;

/** The Danish calendar day of a moment, as a whole number of days (a day is Copenhagen's, not UTC's). */
export function danishDay(now: Date): number {
  return Math.floor(Date.parse(`${danishCalendarDay(now)}T00:00:00Z`) / DAY_MS);
}

/**
 * Claims "this notice, for this subject, today" once across every instance: a unique write claim keyed by
 * the kind of notice, the subject and the day, so two clicks (or two instances running the same job) send
 * one mail. Old claims are removed with the other write claims after a day; the day is in the key, so
 * tomorrow's notice is a new claim. True when this caller holds the claim.
 */
async function claimNoticeToday(kind: string, subject: string, now: Date): Promise<boolean> {
  try {
    await WriteClaimModel.create({
      collectionName: `notice:${kind}`,
      documentId: subject,
      version: danishDay(now),
      claimedAt: now,
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Does `effect` at most once today for this kind and subject: claims first, and gives the claim back when
 * the effect fails, so a failed mail is not taken for a sent one. False when it was already done today.
 */
export async function onceToday(
  kind: string,
  subject: string,
  now: Date,
  effect: () => Promise<unknown>,
): Promise<boolean> {
  if (!(await claimNoticeToday(kind, subject, now))) return false;
  try {
    await effect();
  } catch (error) {
    await WriteClaimModel.deleteOne({
      collectionName: `notice:${kind}`,
      documentId: subject,
      version: danishDay(now),
    });
    throw error;
  }
  return true;
}
