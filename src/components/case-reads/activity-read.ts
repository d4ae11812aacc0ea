import { MatchModel } from '../requests/index.js';
import { CASE_MATCH_FIELDS, caseMatch, type CaseMatch, type StoredCaseMatch } from './case-projection.js';

/** The most matches one organisation's or one volunteer's activity report reads. */
const ACTIVITY_READ_LIMIT = 20_000;

/**
 * What an organisation's report and a volunteer's own record need of a match: whose it is, which offer,
 * and its states over time. Never the child's alias or the activity text, so neither page can name a child.
 */
export type MatchForActivity = Pick<
  CaseMatch,
  'id' | 'requestId' | 'organisationId' | 'offerId' | 'volunteerId' | 'state' | 'history'
>;

/** Every match of one organisation (the id comes from the coordinator's active role). */
export async function matchesOfOrganisation(organisationId: string): Promise<MatchForActivity[]> {
  const matches = await MatchModel.find({ organisationId }, CASE_MATCH_FIELDS)
    .limit(ACTIVITY_READ_LIMIT)
    .lean<StoredCaseMatch[]>();
  return matches.map(caseMatch);
}

/** Every match of one volunteer (the id comes from the volunteer's own session). */
export async function matchesOfVolunteer(volunteerId: string): Promise<MatchForActivity[]> {
  const matches = await MatchModel.find({ volunteerId }, CASE_MATCH_FIELDS)
    .limit(1000)
    .lean<StoredCaseMatch[]>();
  return matches.map(caseMatch);
}
