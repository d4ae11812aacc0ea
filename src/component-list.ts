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
import { signInComponent } from './components/sign-in/index.js';
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
  jobCatalogSeam,
  type JobContext,
  type JobDefinition,
} from './shared/jobs/index.js';
import { mailJobs, mailModels, type MailSettings } from './shared/mail/index.js';
import { SessionRecordModel, sessionJobs } from './shared/session/index.js';
import { provide, Wiring, type Provision } from './shared/wiring/index.js';

/** Every component, in mounting order. Their models are the ones whose indexes start-up creates. */
export function defaultComponents(config: AppConfig): Component[] {
  const components = [
    siteComponent(config.env === 'production'),
    accountsComponent(config),
    municipalitiesComponent(config),
    signInComponent(config),
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

/** The infrastructure's own models, whose indexes start-up creates with the components'. */
const infrastructureModels = [
  ...([AuditEventModel, SessionRecordModel, RateLimitHitModel, WriteClaimModel] as never[]),
  ...([JobClaimModel, JobRunModel, JobStatusModel] as never[]),
  ...mailModels,
];

/** Every model whose indexes start-up creates: the components' and the infrastructure's own. */
export function allModels(config: AppConfig) {
  return modelsOf(defaultComponents(config));
}

function modelsOf(components: readonly Component[]) {
  return [...components.flatMap((component) => component.models ?? []), ...infrastructureModels];
}

/** One app's parts, built once: the same list gives the models, the jobs and the wiring. */
export interface Assembly {
  components: readonly Component[];
  models: ReturnType<typeof allModels>;
  /** Every scheduled job, each run inside the app's wiring (scheduler, jobs page, `npm run job`). */
  jobs: readonly JobDefinition[];
  /** What the components need, connected to what they provide; requests and jobs run inside it. */
  wiring: Wiring;
}

export interface AssemblyOptions {
  /** Defaults to every component. */
  components?: Component[];
  /** Connected after the components' own, so a seam given here replaces theirs (tests swap checks). */
  provisions?: readonly Provision[];
}

/**
 * The composition root: builds the component list once and connects every component's needs to what
 * the others provide. Each call makes a wiring of its own, so two apps in one process never share one.
 */
export function assemble(config: AppConfig, mail: MailSettings, options: AssemblyOptions = {}): Assembly {
  const components = options.components ?? defaultComponents(config);
  const jobs: JobDefinition[] = [];
  const wiring = new Wiring([
    ...components.flatMap((component) => component.provides ?? []),
    ...(options.provisions ?? []),
    // The jobs page lists and runs the same jobs the scheduler runs.
    provide(jobCatalogSeam, jobs),
  ]);
  const unwired = [
    ...components.flatMap((component) => component.jobs ?? []),
    ...mailJobs(mail),
    ...sessionJobs,
    ...rateLimitJobs,
    ...writeClaimJobs,
    ...auditedWriteJobs,
    ...jobHousekeeping,
  ];
  jobs.push(
    ...unwired.map((job) => ({ ...job, run: (context?: JobContext) => wiring.run(() => job.run(context)) })),
  );
  Object.freeze(jobs);
  return { components, models: modelsOf(components), jobs, wiring };
}

/** What the components need that nothing in this assembly provides, as `component: seam` (none in the app). */
export function unmetNeeds(assembly: Assembly): string[] {
  return assembly.components.flatMap((component) =>
    (component.needs ?? [])
      .filter((need) => !assembly.wiring.connects(need))
      .map((need) => `${component.name}: ${need.name}`),
  );
}

/** Every scheduled job: the components' and the infrastructure's housekeeping. */
export function allJobs(config: AppConfig, mail: MailSettings): readonly JobDefinition[] {
  return assemble(config, mail).jobs;
}
