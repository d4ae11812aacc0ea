import { copenhagenDate, FollowUpModel } from '../followups/index.js';
import { matchesOfOrganisation, type MatchForActivity } from '../case-reads/index.js';
import { listMemberships } from '../organisations/index.js';
import { vettingStatusFor } from '../vetting/index.js';
import { createReadModel, type Loaded } from '../../shared/db/index.js';
import { vettingStateOf, type VettingState } from './activity-rules.js';

/** The most check-ins one organisation's report reads (a large club has a few thousand). */
const CHECK_IN_READ_LIMIT = 50_000;

/** What the coordinator's report counts besides the offers: matches, check-ins and members' vetting. */
export interface OrganisationActivity {
  matches: MatchForActivity[];
  checkIns: Array<{ dueOn: string; state: string; answeredOn?: string }>;
  members: VettingState[];
}

async function checkInsOf(organisationId: string) {
  const followUps = await FollowUpModel.find(
    { organisationId, audience: 'volunteer' },
    // Only the dates and the state: never the answers about the child.
    { dueOn: 1, state: 1, answeredAt: 1 },
  )
    .limit(CHECK_IN_READ_LIMIT)
    .lean<Array<{ dueOn: string; state: string; answeredAt?: Date | null }>>();
  return followUps.map((followUp) => ({
    dueOn: followUp.dueOn,
    state: followUp.state,
    answeredOn: followUp.answeredAt ? copenhagenDate(followUp.answeredAt) : undefined,
  }));
}

async function memberVettingStates(organisationId: string, now: Date) {
  const members = await listMemberships(organisationId);
  const statuses = await vettingStatusFor(
    members.map((member) => member.userId),
    organisationId,
    now,
  );
  const byUser = new Map(statuses.map((status) => [status.userId, status]));
  return members.map((member) => vettingStateOf(byUser.get(member.userId), now));
}

async function load(organisationId: string): Promise<OrganisationActivity> {
  const [matches, checkIns, members] = await Promise.all([
    matchesOfOrganisation(organisationId),
    checkInsOf(organisationId),
    memberVettingStates(organisationId, new Date()),
  ]);
  return { matches, checkIns, members };
}

/**
 * A large club's report reads thousands of check-ins, which on the embedded database means decoding
 * the whole collection; the coordinator opens it and its CSV files in a row. One load per organisation
 * serves them, never older than READ_BOUNDS.organisationReport.
 */
const readModel = createReadModel<OrganisationActivity>({
  bound: 'organisationReport',
  load,
  // The organisations whose coordinators look at their report at the same time, with room.
  capacity: 500,
  topics: [],
  afterWrite: 'refresh',
});

export function organisationActivity(organisationId: string): Promise<Loaded<OrganisationActivity>> {
  return readModel.get(organisationId);
}
