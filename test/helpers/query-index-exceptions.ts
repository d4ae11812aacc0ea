/**
 * Which collections grow with use, and the queries on them that no index needs to serve, each with its
 * reason. The index check (test/zz-queries) holds every other query on a growing collection to an index
 * the code declares, as MongoDB's `notablescan` would; queries on small collections are not held to one.
 */

/** Collections that grow with the people, cases and time a municipality brings. */
export const GROWING_COLLECTIONS: Record<string, string> = {
  audit_events: 'one entry per audited action, kept for years',
  candidate_bookmarks: 'per request and candidate',
  candidate_watches: 'one per open request',
  case_tallies: 'one row per ended and deleted match, kept for reports',
  child_requests: 'every request a municipality makes',
  consent_acknowledgements: 'per match',
  consent_claims: 'per consent and step',
  consent_links: 'per consent sent',
  consent_versions: 'every version of every consent',
  follow_up_plans: 'one per request',
  follow_ups: 'several per match, kept for the outcome reports',
  inactivity_warnings: 'one per inactive volunteer',
  jobclaims: 'one per job item claimed, until housekeeping removes them',
  jobruns: 'one per job run',
  matchclaims: 'per match and step',
  matches: 'every match ever made',
  matchsteps: 'per match and step',
  memberships: 'one per volunteer and organisation',
  membershipsteps: 'per membership and step',
  offers: 'every offer of every organisation',
  one_time_token_uses: 'one per token used',
  one_time_tokens: 'one per invitation, reset and login link',
  organisations: 'every organisation in every municipality',
  outbox_claims: 'one per e-mail being sent',
  outbox_messages: 'every e-mail sent',
  place_slots: 'per place held by a match',
  rate_limit_hits: 'one per counted request',
  report_fact_chunks: 'new chunks as months pass and records change',
  sessions: 'one per signed-in browser',
  users: 'every volunteer and member of staff',
  vetting_claims: 'per vetting record and reminder',
  vetting_declarations: 'one per organisation and year',
  vetting_policies: 'one per organisation',
  vetting_records: 'one per volunteer and organisation',
  volunteerprofiles: 'one per volunteer',
  writeclaims: 'one per claimed write, until housekeeping removes them',
};

/** Collections whose size is fixed by the country or the code, not by use. */
export const SMALL_COLLECTIONS: Record<string, string> = {
  changemarkers: 'one document per topic the code names',
  consent_policies: 'one per municipality',
  emaildomainclaims: 'a few staff e-mail domains per municipality with a provider',
  identityproviders: 'at most one identity provider per municipality',
  jobstatuses: 'one per scheduled job',
  municipalities: "Denmark's 98 municipalities",
  ranking_weights: 'one per municipality',
  report_fact_builds: 'one per municipality',
  report_goals: 'a handful of goals per municipality and year',
};

/** A query on a growing collection that reads without an index on purpose. */
export interface QueryIndexException {
  /** The query as the check describes it (index-coverage.ts, describeShape). */
  query: string;
  /** The source file that sends it. */
  from: string;
  reason: string;
}

const NATIONAL_FIGURES_PASS =
  'the hourly country-wide figures job (reporting:figures) reads each collection once, projected and ' +
  'limited to 1,000,000 documents, and groups it by municipality in memory: one pass instead of one per ' +
  'municipality, each of which costs a full pass on the embedded engine anyway';

export const QUERY_INDEX_EXCEPTIONS: QueryIndexException[] = [
  {
    query: 'find child_requests {}',
    from: 'src/components/case-reads/report-read.ts',
    reason: NATIONAL_FIGURES_PASS,
  },
  {
    query: 'find matches {}',
    from: 'src/components/case-reads/report-read.ts',
    reason: NATIONAL_FIGURES_PASS,
  },
  {
    query: 'find follow_ups {}',
    from: 'src/components/reporting/report-facts-service.ts',
    reason: NATIONAL_FIGURES_PASS,
  },
  {
    query: 'find users {status: $eq}',
    from: 'src/components/accounts/account-deletion-service.ts',
    reason:
      'the daily inactive-volunteer retention job looks at every active account (its roles and last login) ' +
      'once a day; an index on the status would hold nearly every account and serve nothing else',
  },
  {
    query:
      'find audit_events {$or: [{action: $in, details.criteria.factors: $exists}, {action: $eq, details.worry: $exists}]}',
    from: 'src/shared/audit/audit-clean-up.ts',
    reason:
      'the start-up clean-up of entries from before criteria were recorded by name reads the log past every ' +
      'index: an index on the action would still hold every candidate listing ever made, and one on the ' +
      'old fields would cost every audited write for a read that finds nothing once the log is clean',
  },
  {
    query: 'find candidate_watches {}',
    from: 'src/components/candidates/candidate-watch-service.ts',
    reason:
      'the waiting-requests job reads every watch, at most 2,000: one exists only while a request waits ' +
      'for candidates, and the job looks at each of them',
  },
  {
    query: 'update follow_ups {childAlias: $exists}',
    from: 'src/components/followups/followup-plan-service.ts',
    reason:
      'the daily planning job first removes a field no follow-up is written with any more; an index on a ' +
      'field that no document has would serve nothing else',
  },
];
