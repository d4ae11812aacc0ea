import { trusted } from 'mongoose';
import { describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { ConflictError, ForbiddenError } from '../../shared/errors/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { danishDay, onceToday } from './candidate-notices.js';
import { rankedFor } from './candidate-ranked.js';
import { CandidateWatchModel } from './candidate-watch-model.js';
import {
  MatchModel,
  LIVE_STATES,
  auditRequest,
  type StoredRequest,
  RequestModel,
  mayChangeRequest,
} from '../requests/index.js';

/*
 * Waiting is the worker's choice, not implied by an empty list: a request with no candidates may be
 * handled another way (the direct search, the child's own network, a changed wish), and a worker who
 * did not ask to wait should not get mail about it. The candidates page offers it whenever the request
 * is open and has no match going; it ends by itself when a match is proposed or the request is closed.
 */

const WATCH_MAIL = 'candidate-watch-found';

function mayWait(actor: Actor, request: StoredRequest, starting: boolean): void {
  const mine = mayChangeRequest(
    { actorId: actor.userId, responsibleId: request.responsibleId, responsibleActive: true },
    'edit',
  );
  if (!mine) throw new ForbiddenError('Only the responsible worker');
  // Only a request with no match going waits; stopping is always allowed.
  if (starting && request.status !== 'open') throw new ConflictError('The request is not looking');
}

/** The request's waiting, read exactly (the page and the request show it). */
export async function watchOf(requestId: string) {
  return CandidateWatchModel.findOne({ requestId }).lean();
}

/** Starts waiting, from the number that fits now; audited. A second start changes nothing. */
export async function startWaiting(actor: Actor, request: StoredRequest, context: RequestContext) {
  mayWait(actor, request, true);
  const requestId = String(request._id);
  const { ranked } = await rankedFor(request);
  try {
    await CandidateWatchModel.create({
      requestId,
      municipalityCode: request.municipalityCode,
      startedBy: actor.userId,
      eligible: ranked.length,
      checkedAt: new Date(),
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return;
  }
  await auditRequest(actor, 'request.wait-start', requestId, context, { eligible: ranked.length });
}

/** Stops waiting; audited. */
export async function stopWaiting(actor: Actor, request: StoredRequest, context: RequestContext) {
  mayWait(actor, request, false);
  const requestId = String(request._id);
  const { deletedCount } = await CandidateWatchModel.deleteOne({ requestId });
  if (deletedCount > 0) await auditRequest(actor, 'request.wait-stop', requestId, context);
}

/** The responsible worker has seen the candidates: the home line about them goes quiet. */
export async function markCandidatesSeen(requestId: string): Promise<void> {
  await CandidateWatchModel.updateOne({ requestId, found: trusted({ $gt: 0 }) }, { $set: { found: 0 } });
}

/** One mail a day per worker at most, however many of their requests found someone: the home lists them. */
async function tellWorker(responsibleId: string, baseUrl: string, now: Date) {
  const person = (await describePeople([responsibleId])).get(responsibleId);
  if (!person?.active) return;
  await onceToday(WATCH_MAIL, responsibleId, now, () =>
    enqueueMail({
      to: person.email,
      template: WATCH_MAIL,
      language: person.language,
      data: { name: person.name, link: `${baseUrl}/overblik` },
      idempotencyKey: `${WATCH_MAIL}|${responsibleId}|${danishDay(now)}`,
    }),
  );
}

/**
 * Looks again at every waiting request by the ranking's own rules (a volunteer vetted, a place freed or
 * a new offer all show as a higher count) and tells the responsible worker when more fit than at the
 * last look. Waiting ends for requests that are closed or have a match going. Returns how many requests
 * found someone new.
 */
export async function checkWaitingRequests(baseUrl: string, now = new Date()): Promise<number> {
  const watches = await CandidateWatchModel.find({}).limit(2000).lean();
  const ids = watches.map((watch) => watch.requestId);
  // Two reads for all waiting requests, not two per request.
  const [requests, liveMatches] = await Promise.all([
    RequestModel.find({ _id: trusted({ $in: ids }) }).lean<StoredRequest[]>(),
    MatchModel.find(
      { requestId: trusted({ $in: ids }), state: trusted({ $in: LIVE_STATES }) },
      { requestId: 1 },
    )
      .limit(2000)
      .lean(),
  ]);
  const requestOf = new Map(requests.map((request) => [String(request._id), request]));
  const withLiveMatch = new Set(liveMatches.map((match) => match.requestId));
  let found = 0;
  for (const watch of watches) {
    const request = requestOf.get(watch.requestId);
    if (!request || request.status === 'closed' || withLiveMatch.has(watch.requestId)) {
      await CandidateWatchModel.deleteOne({ _id: watch._id });
      continue;
    }
    const eligible = (await rankedFor(request, now)).ranked.length;
    const more = eligible - watch.eligible;
    await CandidateWatchModel.updateOne(
      { _id: watch._id },
      {
        $set: {
          eligible,
          checkedAt: now,
          ...(more > 0 ? { found: watch.found + more, foundAt: now } : {}),
        },
      },
    );
    if (more > 0) {
      found += 1;
      await tellWorker(request.responsibleId, baseUrl, now);
    }
  }
  if (found > 0) kickDelivery();
  return found;
}
