/**
 * How old each read may be, in one place. A bounded read model never serves a value older than its
 * bound: past it, a reader waits for a fresh load (or gets a 503 when none can be made).
 *
 * Everything not in this table reads exactly from the database: making a proposal, accepting, activating,
 * consent, the vetting state shown as "godkendt", an offer's details page and free places at a write.
 * The table in docs/decisions/read-bounds.md repeats this one.
 */
export const READ_BOUNDS = {
  /** The public marketplace list (/tilbud): offers, organisation approval, free places, municipalities. */
  marketplace: 15_000,
  /** Candidates and the direct search: a municipality's members, offers, profiles and vetting periods. */
  candidates: 60_000,
  /**
   * The municipality's outcome report (/kommune/rapport): figures maintained by an hourly job; older ones
   * (the job stopped) are rebuilt from the records when the page is asked for.
   */
  outcomes: 2 * 60 * 60_000,
  /**
   * The two report counts on the administrator's and the leader's homes (areas short of volunteers,
   * børneattester running out): each a whole report to compute, so kept per municipality; the report
   * pages themselves read exactly.
   */
  reportHomeCounts: 5 * 60_000,
  /**
   * Caseloads over time (/sager/rapport, /kommune/rapport/team): a municipality's requests, matches, due
   * follow-ups and social workers, read once for every page of that municipality. Counts, never a decision.
   */
  caseload: 60_000,
  /**
   * The coordinator's report (/forening/rapport and its CSV files): the organisation's matches, check-ins
   * and members' vetting, read once for every look at it. Its offers and free places are read exactly.
   */
  organisationReport: 60_000,
  /**
   * The follow-up lines on the homes (check-ins waiting, overdue, worries, flags): what is open across the
   * platform, read once for every home. This instance's own writes show on the next read; the pages
   * behind the lines read exactly.
   */
  followUpHome: 60_000,
  /**
   * The consent lines on the social worker's home (consents running out, recent withdrawals): a
   * municipality's consent versions of the last weeks, read once for its social workers. Withdrawals take
   * effect at once whatever this shows; the consent pages and every decision read the ledger exactly.
   */
  consentHome: 60_000,
} as const satisfies Record<string, number>;

export type ReadBoundName = keyof typeof READ_BOUNDS;
