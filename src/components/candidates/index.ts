import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { provide } from '../../shared/wiring/index.js';
import { bookmarkRetentionSeam, eligibilitySeam, offerOwnerSeam } from '../requests/index.js';
import { BookmarkModel } from './bookmark-model.js';
import { deleteBookmarksOfRequests } from './bookmark-service.js';
import { candidateJobs } from './candidate-jobs.js';
import { candidateProposeRoutes } from './candidate-propose-routes.js';
import { checkEligibility, offerOwner } from './candidate-eligibility.js';
import { CandidateWatchModel } from './candidate-watch-model.js';
import { candidateRoutes } from './candidate-routes.js';
import { candidateHelpRoutes } from './candidate-help-routes.js';
import { RankingWeightsModel } from './ranking-weights-model.js';
import { rankingWeightsRoutes } from './ranking-weights-routes.js';
import { searchRoutes } from './search-routes.js';

/**
 * The adults a child's request could be matched with: the ranked and explained candidates, the exact
 * eligibility check, the ways forward when none fits (wider wishes, asking for renewed vetting, waiting),
 * bookmarks, the search across requests and the ranking weights. Built on requests, never below them.
 */
export function candidatesComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  return {
    name: 'candidates',
    provides: [
      // Proposals re-check every candidate against the database through the exact check read here.
      provide(eligibilitySeam, checkEligibility),
      provide(offerOwnerSeam, offerOwner),
      // A request purged by retention takes its bookmarks with it.
      provide(bookmarkRetentionSeam, deleteBookmarksOfRequests),
    ],
    // searchRoutes first: /sager/soeg must not be taken for a request id.
    router: Router().use(
      searchRoutes(settings),
      candidateRoutes(settings),
      candidateHelpRoutes(settings),
      rankingWeightsRoutes(settings),
      candidateProposeRoutes(settings),
    ),
    models: [RankingWeightsModel, BookmarkModel, CandidateWatchModel] as never[],
    jobs: candidateJobs(settings.baseUrl),
  };
}
export { candidateJobs } from './candidate-jobs.js';
// What a request's page and the social worker's home show of the waits for candidates.
export { candidateWaits } from './candidate-waits.js';
// The read model, the ranking and the exact check, for the bench, the demo and their tests.
export { loadCandidateBase, candidateBase, forgetCandidateBase } from './candidate-base.js';
export { rankedFor } from './candidate-ranked.js';
export { candidatesPage } from './candidate-service.js';
