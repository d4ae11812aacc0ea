import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { awaitingConsentSeam, consentHomeItems } from './consent-home.js';
import { consentEndedSignal, consentMatchLookupsSeam } from './consent-ports.js';
import { consentJobs } from './consent-jobs.js';
import {
  ConsentAcknowledgementModel,
  ConsentClaimModel,
  ConsentLinkModel,
  ConsentVersionModel,
} from './consent-model.js';
import { ConsentPolicyModel } from './consent-policy-model.js';
import { consentRoutes } from './consent-routes.js';
import { familyRoutes } from './family-routes.js';
import { rulesRoutes } from './rules-routes.js';

export {
  consentMatchLookupsSeam,
  consentEndedSignal,
  type ConsentMatch,
  type ConsentMatchLookups,
} from './consent-ports.js';
export { awaitingConsentSeam } from './consent-home.js';
export {
  consentGateFor,
  consentGapsOf,
  visibleFieldsFor,
  acknowledgeMissingYouthConsent,
  recordConsent,
  type ConsentInput,
} from './consent-service.js';
export { withdrawByFamily } from './consent-link-service.js';
export { hasConsentRecords, consentCounts, consentFactsByMatch } from './consent-ledger.js';
export { expireLapsedConsents, deleteConsentsOfRequests, consentJobs } from './consent-jobs.js';
export { rulesOf } from './consent-policy-service.js';
export {
  ageBand,
  gate,
  isInForce,
  CHILD_FIELDS,
  DEFAULT_RULES,
  type ChildField,
  type ConsentRules,
  type ConsentState,
  type Missing,
} from './consent-rules.js';

/**
 * The family's consent: an append-only ledger per match (who, what for, with whom, which fields, until
 * when, withdrawal), the municipality's rules, the family's receipt and withdrawal link. Matching sits
 * above and asks it, on every request, what a proposal may show and whether a match may be active.
 */
export function consentComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  return {
    name: 'consent',
    needs: [consentMatchLookupsSeam, awaitingConsentSeam, consentEndedSignal],
    router: Router().use(familyRoutes(settings), rulesRoutes(settings), consentRoutes(settings)),
    models: [
      ConsentVersionModel,
      ConsentLinkModel,
      ConsentClaimModel,
      ConsentAcknowledgementModel,
      ConsentPolicyModel,
    ] as never[],
    jobs: consentJobs(settings.baseUrl),
    homeItems: consentHomeItems,
  };
}
