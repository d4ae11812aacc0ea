import { distanceKm } from '../offers/index.js';
import type { TimeWindow } from '../volunteers/index.js';
import {
  EXCLUSION_REASONS,
  failuresOf,
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

/** The request's own wishes that one click may widen; safeguards are never among them. */
const RELAXABLE_WISHES = ['adult-gender', 'schedule', 'too-far'] as const;
type RelaxableWish = (typeof RELAXABLE_WISHES)[number];

/**
 * The people left out who would fit if one thing changed, counted once each, from the same filters the
 * ranking ran: by one of the request's wishes (with the distance or the times that would reach them), by
 * their vetting alone (with their organisation, which can renew it), or by a full place alone.
 */
export interface NearMisses {
  wishes: Array<{ volunteerId: string; wish: RelaxableWish; km: number; windows: readonly TimeWindow[] }>;
  vetting: Array<{ volunteerId: string; organisationId: string }>;
  places: number;
}

const isWish = (reason: ExclusionReason): reason is RelaxableWish =>
  (RELAXABLE_WISHES as readonly string[]).includes(reason);

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
): { ranked: Array<RankedCandidate<T>>; excluded: ExclusionSummary; nearMisses: NearMisses } {
  const best = new Map<string, RankedCandidate<T>>();
  const furthest = new Map<string, ExclusionReason>();
  const wishes = new Map<string, NearMisses['wishes'][number]>();
  const vetting = new Map<string, string>();
  const places = new Set<string>();
  for (const candidate of candidates) {
    const failures = failuresOf(candidate, request);
    const exclusion = failures[0];
    if (exclusion) {
      nearMiss(candidate, request, failures, { wishes, vetting, places });
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
  const missed = (id: string) => !best.has(id);
  return {
    ranked,
    excluded: { total: reasons.reduce((sum, item) => sum + item.count, 0), reasons },
    nearMisses: {
      wishes: [...wishes.values()].filter((miss) => missed(miss.volunteerId)),
      vetting: [...vetting]
        .filter(([id]) => missed(id))
        .map(([volunteerId, organisationId]) => ({ volunteerId, organisationId })),
      places: [...places].filter(missed).length,
    },
  };
}

/**
 * Whether a candidate's counts of matches (the volunteer's load, the offer's places in use) can change
 * what the ranking makes of it, judged with the counts at zero. The counts only add the last two filters,
 * so a candidate failing two filters without them stays excluded, for the same first reason, and is no
 * near miss either way: only the others need the counts read.
 */
export function needsCounts(optimistic: CandidateFacts, request: RequestFacts): boolean {
  return failuresOf(optimistic, request).length <= 1;
}

/** Notes a candidate that fails one thing only; per person and wish the nearest (or widest) one is kept. */
function nearMiss(
  candidate: CandidateFacts,
  request: RequestFacts,
  failures: ReadonlyArray<{ reason: ExclusionReason }>,
  into: {
    wishes: Map<string, NearMisses['wishes'][number]>;
    vetting: Map<string, string>;
    places: Set<string>;
  },
) {
  const reasons = failures.map((failure) => failure.reason);
  const { volunteerId } = candidate;
  if (reasons.every((reason) => reason === 'at-limit' || reason === 'no-free-place')) {
    into.places.add(volunteerId);
    return;
  }
  if (reasons.length !== 1) return;
  const [reason] = reasons as [ExclusionReason];
  if (reason === 'not-vetted') {
    if (!into.vetting.has(volunteerId)) into.vetting.set(volunteerId, candidate.organisationId);
    return;
  }
  if (!isWish(reason)) return;
  const key = `${volunteerId}:${reason}`;
  const km = distanceKm(request.point, candidate.point);
  const before = into.wishes.get(key);
  into.wishes.set(key, {
    volunteerId,
    wish: reason,
    km: before ? Math.min(before.km, km) : km,
    windows: [...(before?.windows ?? []), ...candidate.windows],
  });
}

/** "12 more were excluded: 7 not vetted, 5 too far", as catalog keys with counts for the view. */
export function exclusionLines(summary: ExclusionSummary) {
  return summary.reasons.map(({ reason, count }) => ({ key: `candidates.reasons.${reason}`, count }));
}
