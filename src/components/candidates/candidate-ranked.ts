import { candidateBase } from './candidate-base.js';
import { candidateFactsOf, requestFactsOf, type Candidate } from './candidate-facts.js';
import { needsCounts, rankCandidates } from './candidate-ranking.js';
import { placeCounts, type StoredRequest } from '../requests/index.js';
import { weightsOf } from './ranking-weights-service.js';

/**
 * Every candidate for the request, ranked and explained, from the municipality's read model. The
 * counts of matches (a volunteer's load, an offer's free places) are read fresh, but only for the
 * candidates that pass every other filter: those two filters come last for exactly this reason. Those
 * left out by one other thing only (a wish of the request, or their vetting) are counted exactly too, so
 * the page can say who a changed wish or a renewal would bring in, from this one ranking.
 */
export async function rankedFor(request: StoredRequest, now = new Date()) {
  const [base, weights] = await Promise.all([
    candidateBase(request.municipalityCode),
    weightsOf(request.municipalityCode),
  ]);
  const facts = requestFactsOf(request, now);
  const optimistic = base.candidates.map((candidate) => candidateFactsOf(candidate));
  const survivors = optimistic.filter((candidate) => needsCounts(candidate, facts));
  const { loads, inUse } = await placeCounts(
    survivors.map((candidate) => candidate.volunteerId),
    survivors.flatMap((candidate) => (candidate.offerId ? [candidate.offerId] : [])),
  );
  const exact = new Set(survivors);
  const candidates: Candidate[] = optimistic.map((candidate) =>
    exact.has(candidate)
      ? candidateFactsOf(
          candidate.base,
          loads.get(candidate.volunteerId) ?? 0,
          inUse.get(candidate.offerId ?? '') ?? 0,
        )
      : candidate,
  );
  return {
    ...rankCandidates(candidates, facts, weights),
    weights,
    facts,
    loadedAt: base.loadedAt,
    vettingReadAs: base.vettingReadAs,
  };
}
