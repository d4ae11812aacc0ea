/**
 * What other components may read of children's requests and their matches: reports, caseloads, activity
 * reports and home counts. Each read returns the safe projection of case-projection.ts, never the child.
 */
export {
  casesForReport,
  casesForReportEverywhere,
  REPORT_READ_LIMIT,
  NATIONAL_REPORT_READ_LIMIT,
  type RequestForReport,
  type MatchForReport,
} from './report-read.js';
export { openRequestsForReport } from './open-requests-read.js';
export { casesForCaseload, type RequestForCaseload, type MatchForCaseload } from './caseload-read.js';
export { matchesOfOrganisation, matchesOfVolunteer, type MatchForActivity } from './activity-read.js';
export { notClosedRequestCount } from './request-counts-read.js';
export { workerRequestsFor } from './worker-requests-read.js';
