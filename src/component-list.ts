import type { AppConfig } from './config/index.js';
import { accountsComponent } from './components/accounts/index.js';
import { activityReportsComponent } from './components/activity-reports/index.js';
import { caseloadComponent } from './components/caseload/index.js';
import { homeComponent } from './components/home/index.js';
import { consentComponent } from './components/consent/index.js';
import { followUpsComponent } from './components/followups/index.js';
import { jobsComponent } from './components/jobs/index.js';
import { candidatesComponent, candidateWaits } from './components/candidates/index.js';
import { requestsComponent } from './components/requests/index.js';
import { municipalitiesComponent } from './components/municipalities/index.js';
import { offersComponent } from './components/offers/index.js';
import { organisationsComponent } from './components/organisations/index.js';
import { retentionComponent } from './components/retention/index.js';
import { reportingComponent } from './components/reporting/index.js';
import { siteComponent } from './components/site/index.js';
import { vettingComponent } from './components/vetting/index.js';
import { volunteersComponent } from './components/volunteers/index.js';
import { AuditEventModel } from './shared/audit/index.js';
import { auditedWriteJobs } from './shared/audit/index.js';
import { WriteClaimModel, writeClaimJobs } from './shared/db/index.js';
import { RateLimitHitModel, rateLimitJobs, type Component } from './shared/http/index.js';
import {
  JobClaimModel,
  jobHousekeeping,
  JobRunModel,
  JobStatusModel,
  type JobDefinition,
} from './shared/jobs/index.js';
import { mailJobs, mailModels, type MailSettings } from './shared/mail/index.js';
import { SessionRecordModel, sessionJobs } from './shared/session/index.js';

/** Every component, in mounting order. Their models are the ones whose indexes start-up creates. */
export function defaultComponents(config: AppConfig): Component[] {
  const components = [
    siteComponent(config.env === 'production'),
    accountsComponent(config),
    municipalitiesComponent(config),
    organisationsComponent(config),
    offersComponent(config),
    vettingComponent(config),
    volunteersComponent(config),
    consentComponent(config),
    // Before requests: /sager/rapport and /sager/soeg must not be taken for a request id.
    caseloadComponent(),
    candidatesComponent(config),
    requestsComponent(config, candidateWaits),
    followUpsComponent(config),
    retentionComponent(config),
    reportingComponent(config),
    activityReportsComponent(config),
    jobsComponent(config),
  ];
  // The home sits on top: it shows what every component above puts on it for the active role.
  return [...components, homeComponent(components.flatMap((c) => (c.homeItems ? [c.homeItems] : [])))];
}

/** Every model whose indexes start-up creates: the components' and the infrastructure's own. */
export function allModels(config: AppConfig) {
  return [
    ...defaultComponents(config).flatMap((component) => component.models ?? []),
    ...([AuditEventModel, SessionRecordModel, RateLimitHitModel, WriteClaimModel] as never[]),
    ...([JobClaimModel, JobRunModel, JobStatusModel] as never[]),
    ...mailModels,
  ];
}

/** Every scheduled job: the components' and the infrastructure's housekeeping. */
export function allJobs(config: AppConfig, mail: MailSettings): JobDefinition[] {
  return [
    ...defaultComponents(config).flatMap((component) => component.jobs ?? []),
    ...mailJobs(mail),
    ...sessionJobs,
    ...rateLimitJobs,
    ...writeClaimJobs,
    ...auditedWriteJobs,
    ...jobHousekeeping,
  ];
}
