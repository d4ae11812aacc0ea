import { trusted } from 'mongoose';
import type { Actor, RequestContext } from '../accounts/index.js';
import { BookmarkModel } from './bookmark-model.js';
import { auditRequest, loadRequest } from '../requests/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

/** The request's bookmarked candidate keys (the request is the actor's municipality's, or a 404 first). */
export async function bookmarksOf(requestId: string): Promise<Set<string>> {
  const found = await BookmarkModel.find({ requestId }, { candidateKey: 1 }).limit(500).lean();
  return new Set(found.map((bookmark) => bookmark.candidateKey));
}

/** Bookmarks (or forgets) a candidate for the request; repeating either changes nothing. Audited. */
export async function setBookmark(
  actor: Actor,
  requestId: string,
  candidateKey: string,
  on: boolean,
  context: RequestContext,
): Promise<void> {
  const request = await loadRequest(actor, requestId);
  if (on) {
    try {
      await BookmarkModel.create({
        requestId,
        municipalityCode: request.municipalityCode,
        candidateKey,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  } else {
    await BookmarkModel.deleteOne({ requestId, candidateKey });
  }
  await auditRequest(actor, on ? 'candidates.bookmark' : 'candidates.unbookmark', requestId, context, {
    candidateKey,
  });
}

/** Retention: the bookmarks on purged requests go with them. Returns how many went. */
export async function deleteBookmarksOfRequests(requestIds: string[]): Promise<number> {
  if (requestIds.length === 0) return 0;
  return (await BookmarkModel.deleteMany({ requestId: trusted({ $in: requestIds }) })).deletedCount;
}
