import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountDeletingSignal, accountsSettings } from '../accounts/index.js';
import {
  awaitingConsentSeam,
  consentEndedSignal,
  consentMatchLookupsSeam,
  deleteConsentsOfRequests,
} from '../consent/index.js';
import { placesInUseSeam } from '../offers/index.js';
import type { Component } from '../../shared/http/index.js';
import { listen, provide } from '../../shared/wiring/index.js';
import { awaitingConsent } from './awaiting-consent-count.js';
import type { CandidateWaits } from './candidate-waits.js';
import { bookmarkRetentionSeam, caseRetentionSignal } from './case-retention.js';
import { whenConsentEnded } from './consent-ended.js';
import { consentMatchLookups } from './consent-lookups.js';
import { matchMovedSignal } from './match-events.js';
import { eligibilitySeam, offerOwnerSeam } from './match-ports.js';
import { MatchModel } from './match-model.js';
import { matchRoutes } from './match-routes.js';
import { matchEndRoutes } from './match-end-routes.js';
import { MatchClaimModel, MatchStepModel } from './match-step-model.js';
import { matchingJobs } from './matching-jobs.js';
import { matchRepairJobs } from './match-repair.js';
import { PlaceSlotModel } from './place-slot-model.js';
import { placesInUseByOffer } from './places.js';
import { proposalRoutes } from './proposal-routes.js';
import { RequestModel } from './request-model.js';
import { requestRoutes } from './request-routes.js';
import { matchingHomeItems } from './matching-home.js';
import { whenVolunteerLeaves } from './volunteer-leaving.js';

/**
 * Children's requests and their matches: the social worker's caseload, a request's page and form, the
 * proposals and the answers to them, a match's steps, states and ending, and the mail and jobs around them.
 * `waits` are the candidates component's reads of the waits for candidates that the request page and the
 * home show.
 */
export function requestsComponent(config: AppConfig, waits: CandidateWaits): Component {
  const settings = accountsSettings(config);
  return {
    name: 'requests',
    // Candidates fills the exact eligibility check, the offer owner and its bookmarks' retention; follow-ups and retention listen.
    needs: [eligibilitySeam, offerOwnerSeam, bookmarkRetentionSeam, matchMovedSignal, caseRetentionSignal],
    provides: [
      // Offers sits below requests and cannot import it: its places in use are counted here, from matches.
      provide(placesInUseSeam, placesInUseByOffer),
      // Consent sits below requests: it reads matches, and is answered when a consent ends, through seams.
      provide(consentMatchLookupsSeam, consentMatchLookups),
      provide(awaitingConsentSeam, awaitingConsent),
      listen(consentEndedSignal, whenConsentEnded),
      listen(accountDeletingSignal, whenVolunteerLeaves(settings.baseUrl)),
      // Retention of a child's case takes the family's consents with it.
      listen(caseRetentionSignal, deleteConsentsOfRequests),
    ],
    homeItems: (actor) => matchingHomeItems(actor, waits),
    router: Router().use(
      requestRoutes(settings, waits),
      matchRoutes(settings),
      matchEndRoutes(settings),
      proposalRoutes(settings),
    ),
    models: [RequestModel, MatchModel, MatchStepModel, MatchClaimModel, PlaceSlotModel] as never[],
    jobs: [...matchingJobs(settings.baseUrl), ...matchRepairJobs(settings.baseUrl, whenConsentEnded)],
  };
}
export type { CandidateWaits } from './candidate-waits.js';

// The stored request and match, and the rules about them, as candidates, case reads and demo seeding use them.
export { RequestModel } from './request-model.js';
export { MatchModel } from './match-model.js';
export {
  CLOSE_REASONS,
  ENDING_REASONS,
  LIVE_STATES,
  PLACE_HOLDING_STATES,
  type MatchState,
  type CloseReason,
} from './match-rules.js';
export {
  ageFrom,
  mayChangeRequest,
  EXPECTED_MONTHS,
  MAX_TRAVEL_KM,
  PREVENTS_STEPS,
  type PreventsStep,
  type RequestStatus,
} from './request-rules.js';
export {
  AUDITED_CASE,
  CASEWORK,
  auditRequest,
  loadRequest,
  ownMunicipality,
  type StoredRequest,
} from './request-access.js';
export { requestSchema } from './request-schemas.js';
export { valuesFromRequest } from './request-form-model.js';
export { updateRequest } from './request-service.js';
// Proposing, answering and moving a match (the candidates page proposes; the demo plays a case through).
export { answerProposal, moveAsCaseworker, proposeMatch } from './match-service.js';
export { proposalSchema } from './match-schemas.js';
export { eligibilitySeam, offerOwnerSeam, type ProposalCandidate } from './match-ports.js';
export {
  activeMatchCountsByVolunteer,
  placeCounts,
  placesInUseByOffer,
  placesTakenBefore,
} from './places.js';
export { matchingJobs } from './matching-jobs.js';
export {
  upsertRequest,
  seedMatch,
  seedPastCase,
  liveMatchId,
  requestIdOf,
  type RequestSeed,
} from './request-seeding.js';
// The one answer to what a viewer may see of a child: follow-ups' pages, mails and jobs ask it too.
export { childGate, viewerOf, type ChildView, type ChildViewer } from './child-gate.js';
export { matchStatusFor } from './case-state-service.js';
// Follow-ups and retention build on a match's life without reaching into this component.
export {
  matchMovedSignal,
  matchFacts,
  matchStates,
  liveMatchFacts,
  type MatchMoved,
  type MatchFacts,
} from './match-events.js';
export { bookmarkRetentionSeam, caseRetentionSignal, purgeEndedCases } from './case-retention.js';
// The social worker's own cases, read once per home page (case reads shares it with the caseload line).
export { workerCasesFor } from './worker-cases-read.js';
