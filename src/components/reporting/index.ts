import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { ReportGoalModel } from './goal-model.js';
import { ReportFactsBuildModel, ReportFactsChunkModel } from './report-facts-model.js';
import { reportingJobs } from './reporting-jobs.js';
import { reportingHomeItems } from './reporting-home.js';
import { reportingRoutes } from './reporting-routes.js';
import { reportPagesHomeItems } from './report-pages-home.js';
import { reportingPagesRoutes } from './reporting-pages-routes.js';

export { saveGoals, goalsOf, dashboardFor, defaultPeriod } from './reporting-service.js';
// The shared means of every report: small cells held back, CSV for Danish Excel, the bar chart.
export { countCell, suppressParts, type Cell } from './suppression-rules.js';
export { toCsv } from './csv-rules.js';
export { withReadableMonths } from './report-page-table.js';
export { barChartOf } from './report-chart.js';
export type { TableRow } from './report-tables.js';
export { readFacts } from './report-facts-service.js';

/** Outcomes for the municipality: figures over a period with no child recognisable, exports and goals. */
export function reportingComponent(config: AppConfig): Component {
  return {
    name: 'reporting',
    router: Router().use(
      reportingRoutes(accountsSettings(config)),
      reportingPagesRoutes(accountsSettings(config)),
    ),
    models: [ReportGoalModel, ReportFactsChunkModel, ReportFactsBuildModel] as never[],
    homeItems: async (actor) => [
      ...(await reportingHomeItems(actor)),
      ...(await reportPagesHomeItems(actor)),
    ],
    jobs: reportingJobs,
  };
}
