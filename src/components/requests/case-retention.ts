import { trusted } from 'mongoose';
import { stripAuditDetailsOf } from '../../shared/audit/index.js';
import { listenersOf, seam, signal, wired } from '../../shared/wiring/index.js';
import { deleteMailAbout } from '../../shared/mail/index.js';
import { MatchModel } from './match-model.js';
import { MatchClaimModel, MatchStepModel } from './match-step-model.js';
import { PlaceSlotModel } from './place-slot-model.js';
import type { MatchState } from './match-rules.js';
import { RequestModel } from './request-model.js';

/**
 * Deletes what another component keeps about these children's cases (consents, follow-ups …), given the
 * requests that go entirely and the ended matches that go (their request may live on). Returns how many
 * records it deleted.
 */
export type CaseRetention = (requestIds: string[], matchIds: string[]) => Promise<number>;

/** Deletes the bookmarks kept on these requests (candidates keeps them); returns how many went. */
export type BookmarkRetention = (requestIds: string[]) => Promise<number>;

/** A purged request's bookmarks go with it: candidates, which keeps them, fills this in. */
export const bookmarkRetentionSeam = seam<BookmarkRetention>('requests.bookmark-retention');

/** Components add the deletion of their own case records to the retention run by listening here. */
export const caseRetentionSignal = signal<CaseRetention>('requests.case-retention');

export interface CaseRetentionCounts {
  requests: number;
  matches: number;
  bookmarks: number;
  steps: number;
  /** Outbox messages about the matches. */
  mails: number;
  /** Records of the components listening to the retention (consents, follow-ups …). */
  related: number;
}

const ENDED: MatchState[] = ['closed', 'declined'];

function endedAt(match: { history: Array<{ state: MatchState; at: Date }>; updatedAt?: Date }): Date {
  const last = [...match.history].reverse().find((event) => ENDED.includes(event.state));
  return last?.at ?? match.updatedAt ?? new Date(0);
}

/**
 * The audit keeps its entries about the case for its own period, not the case's data: the details of
 * entries about the requests and matches that go, and about their follow-ups (keyed `<matchId>:…`), go
 * now. Consent strips its own entries (it knows its consents' ids).
 */
async function stripCaseAudit(requestIds: string[], matchIds: string[]): Promise<void> {
  await stripAuditDetailsOf({ objectType: 'child-request', objectIds: requestIds });
  await stripAuditDetailsOf({ objectType: 'match', objectIds: matchIds });
  await stripAuditDetailsOf({
    objectType: 'follow-up',
    idPrefixes: matchIds.map((matchId) => `${matchId}:`),
  });
}

/**
 * One municipality's retention of children's cases: matches that ended before `endedBefore` go, with their
 * steps, claims, place slots and mail (and the audit entries' details about them); a request closed before then goes too, with its bookmarks, once none of its matches is left.
 * Younger cases, and requests still open, stay. The caller audits the counts.
 */
export async function purgeEndedCases(
  municipalityCode: string,
  endedBefore: Date,
): Promise<CaseRetentionCounts> {
  const ended = await MatchModel.find({ municipalityCode, state: trusted({ $in: ENDED }) }).lean();
  const expiredMatches = ended.filter((match) => endedAt(match) < endedBefore);
  const matchIds = expiredMatches.map((match) => String(match._id));
  const closedRequests = await RequestModel.find({
    municipalityCode,
    status: 'closed',
    closedAt: trusted({ $lt: endedBefore }),
  }).lean();
  const requestIds: string[] = [];
  for (const request of closedRequests) {
    const id = String(request._id);
    const remaining = await MatchModel.find({ requestId: id }, { _id: 1 }).lean();
    if (remaining.every((match) => matchIds.includes(String(match._id)))) requestIds.push(id);
  }
  let related = 0;
  for (const retention of listenersOf(caseRetentionSignal)) related += await retention(requestIds, matchIds);
  const ofMatches = { matchId: trusted({ $in: matchIds }) };
  const steps = (await MatchStepModel.deleteMany(ofMatches)).deletedCount;
  await MatchClaimModel.deleteMany(ofMatches);
  // A slot of an ended match is free already; what goes is its link to the child's match.
  await PlaceSlotModel.deleteMany(ofMatches);
  // Sent or not, a mail about the match goes with it (its sealed body is part of the message).
  const mails = await deleteMailAbout(matchIds);
  await stripCaseAudit(requestIds, matchIds);
  const matches = (await MatchModel.deleteMany({ _id: trusted({ $in: matchIds }) })).deletedCount;
  const bookmarks = (await wired(bookmarkRetentionSeam)?.(requestIds)) ?? 0;
  const requests = (await RequestModel.deleteMany({ _id: trusted({ $in: requestIds }) })).deletedCount;
  return { requests, matches, bookmarks, steps, mails, related };
}
