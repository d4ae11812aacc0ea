import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import { registerPlacesInUse } from '../offers/index.js';
import type { Component } from '../../shared/http/index.js';
import { MatchModel } from './match-model.js';
import { matchRoutes } from './match-routes.js';
import { matchEndRoutes } from './match-end-routes.js';
import { MatchClaimModel, MatchStepModel } from './match-step-model.js';
import { matchingJobs } from './matching-jobs.js';
import { whenConsentEnded, wireConsent } from './consent-wiring.js';
import { matchRepairJobs } from './match-repair.js';
import { PlaceSlotModel } from './place-slot-model.js';
import { placesInUseByOffer } from './places.js';
import { proposalRoutes } from './proposal-routes.js';
import { RequestModel } from './request-model.js';
import { requestRoutes } from './request-routes.js';
import { BookmarkModel } from '../candidates/bookmark-model.js';
import { CandidateWatchModel } from '../candidates/candidate-watch-model.js';
import { candidateRoutes } from '../candidates/candidate-routes.js';
import { candidateHelpRoutes } from '../candidates/candidate-help-routes.js';
import { RankingWeightsModel } from '../candidates/ranking-weights-model.js';
import { rankingWeightsRoutes } from '../candidates/ranking-weights-routes.js';
import { searchRoutes } from '../candidates/search-routes.js';
import { matchingHomeItems } from './matching-home.js';

// What candidate search and demo seeding build on.
export {
  answerProposal,
  moveAsCaseworker,
  proposeMatch,
  type ProposalInput,
  type ProposeOutcome,
} from './match-service.js';
export { proposalSchema, type ProposalForm } from './match-schemas.js';
export {
  registerEligibilityCheck,
  registerOfferOwnerLookup,
  type EligibilityCheck,
  type OfferOwnerLookup,
  type ProposalCandidate,
} from './match-ports.js';
export { activeMatchCountsByVolunteer, placesInUseByOffer } from './places.js';
export { loadRequest, type StoredRequest } from './request-access.js';
export { remindWaitingProposals, matchingJobs } from './matching-jobs.js';
export {
  upsertRequest,
  seedMatch,
  seedPastCase,
  liveMatchId,
  requestIdOf,
  type RequestSeed,
  type MatchSeed,
  type PastMatchSeed,
} from './request-seeding.js';
export {
  MATCH_STATES,
  MATCH_ACTIONS,
  CLOSE_REASONS,
  ENDING_REASONS,
  LIVE_STATES,
  PLACE_HOLDING_STATES,
  transition,
  type MatchState,
  type MatchAction,
  type CloseReason,
} from './match-rules.js';
export { ageFrom, PREVENTS_STEPS, type PreventsStep } from './request-rules.js';
// Candidate search: the rules, the read model and the exact check (for the bench and the demo).
export { DEFAULT_WEIGHTS, FACTORS, EXCLUSION_REASONS, type Weights } from '../candidates/candidate-rules.js';
export { loadCandidateBase, candidateBase, forgetCandidateBase } from '../candidates/candidate-base.js';
export { rankedFor } from '../candidates/candidate-ranked.js';
export { candidatesPage } from '../candidates/candidate-service.js';
export { checkEligibility } from '../candidates/candidate-eligibility.js';

/** Children's requests and their matches: the social worker's caseload, proposals, and answers to them. */
export function matchingComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  // Offers sits below matching and cannot import it: its places in use are counted here, from matches.
  registerPlacesInUse(placesInUseByOffer);
  // Consent sits below matching: it reads matches, and is answered when a consent ends, through seams.
  wireConsent(settings.baseUrl);
  return {
    name: 'matching',
    homeItems: (actor) => matchingHomeItems(actor),
    // searchRoutes first: /sager/soeg must not be taken for a request id.
    router: Router().use(
      searchRoutes(settings),
      candidateRoutes(settings),
      candidateHelpRoutes(settings),
      rankingWeightsRoutes(settings),
      requestRoutes(settings),
      matchRoutes(settings),
      matchEndRoutes(settings),
      proposalRoutes(settings),
    ),
    models: [
      RequestModel,
      MatchModel,
      MatchStepModel,
      MatchClaimModel,
      PlaceSlotModel,
      RankingWeightsModel,
      BookmarkModel,
      CandidateWatchModel,
    ] as never[],
    jobs: [...matchingJobs(settings.baseUrl), ...matchRepairJobs(settings.baseUrl, whenConsentEnded)],
  };
}
// The one answer to what a viewer may see of a child: every page, mail and job outside matching asks it.
export { childGate, viewerOf, type ChildView, type ChildViewer } from './child-gate.js';
export { matchStatusFor, matchStatesOf } from './case-state-service.js';
export { wordingFor, type Audience, type StateWording } from './case-state-wording.js';
export { type MatchCaseState, type RequestCaseState } from './case-state-rules.js';
// Follow-ups and retention build on a match's life without reaching into this component.
export {
  onMatchMoved,
  matchFacts,
  matchStates,
  liveMatchFacts,
  type MatchMoved,
  type MatchFacts,
} from './match-events.js';
export {
  registerCaseRetention,
  purgeEndedCases,
  type CaseRetention,
  type CaseRetentionCounts,
} from './case-retention.js';
// An organisation's report and a volunteer's own record read matches without the child's details.
export {
  matchesOfOrganisation,
  matchesOfVolunteer,
  ACTIVITY_READ_LIMIT,
  type MatchForActivity,
} from '../case-reads/activity-read.js';
// Reports read a municipality's requests and matches without the child's details.
export {
  casesForReport,
  casesForReportEverywhere,
  REPORT_READ_LIMIT,
  NATIONAL_REPORT_READ_LIMIT,
  type CasesByMunicipality,
  type RequestForReport,
  type MatchForReport,
} from '../case-reads/report-read.js';
export { openRequestsForReport, type OpenRequestForReport } from '../case-reads/open-requests-read.js';
// A caseload counts each social worker's requests and matches over time, without the child's details.
export { casesForCaseload, type RequestForCaseload, type MatchForCaseload } from '../case-reads/caseload-read.js';
export { notClosedRequestCount } from '../case-reads/request-counts-read.js';
export { workerCasesFor } from '../case-reads/worker-cases-read.js';
