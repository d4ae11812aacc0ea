import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountDeletingSignal, accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { listen } from '../../shared/wiring/index.js';
import { coordinatorRoutes } from './coordinator-routes.js';
import { DeclarationModel } from './declaration-model.js';
import { declarationRoutes } from './declaration-routes.js';
import { stepRoutes } from './step-routes.js';
import { vettingJobs } from './vetting-jobs.js';
import { VettingClaimModel, VettingPolicyModel, VettingRecordModel } from './vetting-model.js';
import { anonymiseVettingOf } from './vetting-service.js';
import { volunteerRoutes } from './volunteer-routes.js';
import { vettingHomeItems } from './vetting-home.js';

export {
  vettingStatusFor,
  isVetted,
  vettedPeriodsOf,
  vettingUnchangedSince,
  type VettingReadAs,
} from './vetting-status.js';
export { VETTING_TOPIC } from './vetting-service.js';
export { vettingJobs } from './vetting-jobs.js';
export { putVettingFacts } from './vetting-service.js';
// The municipality's vetting report: certificates' validity and the yearly declarations.
export { certificatesOf, declaredFor } from './vetting-report-read.js';
export { currentYear } from './declaration-service.js';
export { EXPIRY_WARNING_DAYS } from './vetting-rules.js';
export { addDays, addMonths, type VettingFacts } from './vetting-rules.js';

/** Vetting of volunteers: børneattest, interview, references, training, and the yearly declaration. */
export function vettingComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  return {
    name: 'vetting',
    // A deleted account's vetting records are anonymised.
    provides: [listen(accountDeletingSignal, anonymiseVettingOf)],
    homeItems: (actor) => vettingHomeItems(actor),
    router: Router().use(
      volunteerRoutes(settings),
      coordinatorRoutes(settings),
      stepRoutes(settings),
      declarationRoutes(settings),
    ),
    models: [VettingRecordModel, VettingPolicyModel, VettingClaimModel, DeclarationModel] as never[],
    jobs: vettingJobs(settings.baseUrl),
  };
}
