import { MatchModel, type MatchState } from '../requests/index.js';

/** The most matches one organisation's or one volunteer's activity report reads. */
export const ACTIVITY_READ_LIMIT = 20_000;

/**
 * What an organisation's report and a volunteer's own record need of a match: whose it is, which offer,
 * and its states over time. Never the child's alias or the activity text, so neither page can name a child.
 */
export interface MatchForActivity {
  id: string;
  requestId: string;
  organisationId: string;
  offerId?: string;
  volunteerId: string;
  state: MatchState;
  history: Array<{ state: MatchState; at: Date }>;
}

const FIELDS = {
  requestId: 1,
  organisationId: 1,
  offerId: 1,
  volunteerId: 1,
  state: 1,
  'history.state': 1,
  'history.at': 1,
} as const;

type StoredMatch = {
  _id: unknown;
  requestId: string;
  organisationId: string;
  offerId?: string | null;
  volunteerId: string;
  state: string;
  history: Array<{ state: string; at: Date }>;
};

function toActivity(match: StoredMatch): MatchForActivity {
  return {
    id: String(match._id),
    requestId: match.requestId,
    organisationId: match.organisationId,
    offerId: match.offerId ?? undefined,
    volunteerId: match.volunteerId,
    state: match.state as MatchState,
    history: match.history.map((event) => ({ state: event.state as MatchState, at: event.at })),
  };
}

/** Every match of one organisation (the id comes from the coordinator's active role). */
export async function matchesOfOrganisation(organisationId: string): Promise<MatchForActivity[]> {
  const matches = await MatchModel.find({ organisationId }, FIELDS)
    .limit(ACTIVITY_READ_LIMIT)
    .lean<StoredMatch[]>();
  return matches.map(toActivity);
}

/** Every match of one volunteer (the id comes from the volunteer's own session). */
export async function matchesOfVolunteer(volunteerId: string): Promise<MatchForActivity[]> {
  const matches = await MatchModel.find({ volunteerId }, FIELDS).limit(1000).lean<StoredMatch[]>();
  return matches.map(toActivity);
}
