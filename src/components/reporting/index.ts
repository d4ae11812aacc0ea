import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { ReportGoalModel } from './goal-model.js';
import { ReportFactsBuildModel, ReportFactsChunkModel } from './report-facts-model.js';
import { reportingJobs } from './reporting-jobs.js';
import { reportingHomeItems } from './reporting-home.js';
import { reportingRoutes } from './reporting-routes.js';

export { saveGoals, goalsOf, dashboardFor, defaultPeriod } from './reporting-service.js';
export { GOAL_METRICS, type GoalMetric } from './goal-rules.js';
export { ReportGoalModel } from './goal-model.js';
export { maintainFigures, readFacts, reportInputFromRecords } from './report-facts-service.js';
export { computeFigures } from './figures-rules.js';

/** Outcomes for the municipality: figures over a period with no child recognisable, exports and goals. */
export function reportingComponent(config: AppConfig): Component {
  return {
    name: 'reporting',
    router: reportingRoutes(accountsSettings(config)),
    models: [ReportGoalModel, ReportFactsChunkModel, ReportFactsBuildModel] as never[],
    homeItems: reportingHomeItems,
    jobs: reportingJobs,
  };
}
