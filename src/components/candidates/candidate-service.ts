import type { Actor, RequestContext } from '../accounts/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { bookmarksOf } from './bookmark-service.js';
import { candidateKey } from './candidate-facts.js';
import { exclusionLines } from './candidate-ranking.js';
import { relaxationsOf } from './candidate-relaxation-rules.js';
import { markCandidatesSeen, watchOf } from './candidate-watch-service.js';
import { rankedFor } from './candidate-ranked.js';
import { auditCriteria, candidateView, firstNamesOf, updatedAt, vettedNow } from './candidate-view.js';
import { auditRequest, type StoredRequest, mayChangeRequest } from '../requests/index.js';

const CANDIDATES_PAGE_SIZE = 20;

/**
 * One page of the request's ranked, explained candidates, with why the others were left out. The
 * request comes from loadRequest (the actor's municipality, or a 404 before any input is read), and the
 * listing is audited with the names of the criteria it used and its purpose.
 */
export async function candidatesPage(
  actor: Actor,
  request: StoredRequest,
  page: number,
  context: RequestContext,
) {
  const requestId = String(request._id);
  const [{ ranked, excluded, nearMisses, facts, loadedAt, vettingReadAs }, bookmarks, watch] =
    await Promise.all([rankedFor(request), bookmarksOf(requestId), watchOf(requestId)]);
  // Proposing is an edit, which only the responsible worker may make (mayChangeRequest); asked directly,
  // because mayChange's team lookup reads the whole users collection on FerretDB. The proposal route
  // checks it again.
  const editable = mayChangeRequest(
    { actorId: actor.userId, responsibleId: request.responsibleId, responsibleActive: true },
    'edit',
  );
  // The responsible worker has now seen who turned up: the home line about it goes quiet.
  if (editable && watch && watch.found > 0) await markCandidatesSeen(requestId);
  const pages = Math.max(1, Math.ceil(ranked.length / CANDIDATES_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = ranked.slice((current - 1) * CANDIDATES_PAGE_SIZE, current * CANDIDATES_PAGE_SIZE);
  // The audit entry and the names in parallel: both are awaited before anything is shown.
  const [names, vetted] = await Promise.all([
    firstNamesOf(shown.map((item) => item.candidate.volunteerId)),
    vettedNow(
      shown.map((item) => item.candidate.base),
      vettingReadAs,
    ),
    auditRequest(actor, 'candidates.list', requestId, context, {
      criteria: auditCriteria(facts),
      page: current,
      eligible: ranked.length,
      excluded: excluded.total,
    }),
  ]);
  const base = `/sager/${requestId}/kandidater`;
  const candidates = shown.map((item, index) =>
    candidateView(item, (current - 1) * CANDIDATES_PAGE_SIZE + index + 1, names, bookmarks, vetted),
  );
  return {
    titleKey: 'candidates.list.title',
    updated: updatedAt(loadedAt),
    request: { id: requestId, caseRef: request.caseRef, isOpen: request.status !== 'closed' },
    editable: editable && request.status !== 'closed',
    candidates,
    // The one every other candidate on the page can be compared with: the best ranked overall.
    first: candidates[0]?.rank === 1 ? candidates[0] : undefined,
    startRank: (current - 1) * CANDIDATES_PAGE_SIZE + 1,
    total: ranked.length,
    excluded: { total: excluded.total, lines: exclusionLines(excluded) },
    // Counts only: who they are is not shown until they can be proposed.
    help: {
      relaxations: relaxationsOf(nearMisses.wishes, facts),
      vetting: nearMisses.vetting.length,
      places: nearMisses.places,
    },
    waiting: watch ? { since: watch.createdAt, found: watch.found } : undefined,
    canWait: editable && request.status === 'open',
    page: current,
    pages,
    previous: current > 1 ? `${base}?side=${current - 1}` : undefined,
    next: current < pages ? `${base}?side=${current + 1}` : undefined,
  };
}

/** Two candidates of the request side by side, factor by factor; an unknown or ineligible key is a 404. */
export async function comparePage(
  actor: Actor,
  request: StoredRequest,
  keys: [string, string],
  context: RequestContext,
) {
  const requestId = String(request._id);
  const [{ ranked, facts, vettingReadAs }, bookmarks] = await Promise.all([
    rankedFor(request),
    bookmarksOf(requestId),
  ]);
  const chosen = keys.map((key) => {
    const index = ranked.findIndex((item) => candidateKey(item.candidate) === key);
    if (index < 0) throw new NotFoundError();
    return { item: ranked[index]!, rank: index + 1 };
  });
  const [names, vetted] = await Promise.all([
    firstNamesOf(chosen.map(({ item }) => item.candidate.volunteerId)),
    vettedNow(
      chosen.map(({ item }) => item.candidate.base),
      vettingReadAs,
    ),
  ]);
  const [a, b] = chosen.map(({ item, rank }) => candidateView(item, rank, names, bookmarks, vetted)) as [
    ReturnType<typeof candidateView>,
    ReturnType<typeof candidateView>,
  ];
  await auditRequest(actor, 'candidates.compare', requestId, context, {
    criteria: auditCriteria(facts),
    keys,
  });
  return {
    titleKey: 'candidates.compare.title',
    request: { id: requestId, caseRef: request.caseRef },
    a,
    b,
    rows: a.factors.map((factor, index) => ({ factor: factor.factor, a: factor, b: b.factors[index]! })),
  };
}
