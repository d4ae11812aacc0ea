import {
  EXCLUSION_REASONS,
  exclusionOf,
  scoreOf,
  type CandidateFacts,
  type ExclusionReason,
  type RequestFacts,
  type Weights,
} from './candidate-rules.js';

export interface RankedCandidate<T extends CandidateFacts = CandidateFacts> {
  candidate: T;
  score: number;
  factors: ReturnType<typeof scoreOf>['factors'];
}

export interface ExclusionSummary {
  total: number;
  /** Reasons with their counts, largest first (ties in filter order). */
  reasons: Array<{ reason: ExclusionReason; count: number }>;
}

/**
 * One line per volunteer: a person is proposed once per child (the match's live key), so of their
 * candidates (with each offer, and without one) the best scoring eligible one is shown. A person with no
 * eligible candidate counts once as excluded, for the reason of the candidate that came furthest
 * through the filters (the most telling one: "too far" says more than "no free place on that offer").
 */
export function rankCandidates<T extends CandidateFacts>(
  candidates: readonly T[],
  request: RequestFacts,
  weights: Weights,
): { ranked: Array<RankedCandidate<T>>; excluded: ExclusionSummary } {
  const best = new Map<string, RankedCandidate<T>>();
  const furthest = new Map<string, ExclusionReason>();
  for (const candidate of candidates) {
    const exclusion = exclusionOf(candidate, request);
    if (exclusion) {
      const before = furthest.get(candidate.volunteerId);
      if (!before || EXCLUSION_REASONS.indexOf(exclusion.reason) > EXCLUSION_REASONS.indexOf(before))
        furthest.set(candidate.volunteerId, exclusion.reason);
      continue;
    }
    const scored = { candidate, ...scoreOf(candidate, request, weights) };
    const current = best.get(candidate.volunteerId);
    if (!current || scored.score > current.score) best.set(candidate.volunteerId, scored);
  }
  const counts = new Map<ExclusionReason, number>();
  for (const [volunteerId, reason] of furthest) {
    if (!best.has(volunteerId)) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const reasons = EXCLUSION_REASONS.filter((reason) => counts.has(reason))
    .map((reason) => ({ reason, count: counts.get(reason)! }))
    .sort((a, b) => b.count - a.count);
  const ranked = [...best.values()].sort(
    (a, b) =>
      b.score - a.score ||
      a.candidate.volunteerId.localeCompare(b.candidate.volunteerId) ||
      (a.candidate.offerId ?? '').localeCompare(b.candidate.offerId ?? ''),
  );
  return { ranked, excluded: { total: reasons.reduce((sum, item) => sum + item.count, 0), reasons } };
}

/** "12 more were excluded: 7 not vetted, 5 too far", as catalog keys with counts for the view. */
export function exclusionLines(summary: ExclusionSummary) {
  return summary.reasons.map(({ reason, count }) => ({ key: `candidates.reasons.${reason}`, count }));
}
