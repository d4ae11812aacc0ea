import { can, describePeople, type Actor } from '../accounts/index.js';
import { copenhagenDate, FollowUpModel } from '../followups/index.js';
import { matchesOfVolunteer } from '../case-reads/index.js';
import { describeOrganisations, membershipsOf } from '../organisations/index.js';
import { vettingStatusFor } from '../vetting/index.js';
import { ForbiddenError } from '../../shared/errors/index.js';
import { startedAt, vettingStateOf, type VettingState } from './activity-rules.js';
import { volunteerRecordOf, type VolunteerRecord } from './volunteer-record-rules.js';

/** Check-ins one volunteer answered, read at most (monthly for years, for a few children). */
const CHECK_IN_READ_LIMIT = 5000;

function ownUserId(actor: Actor): string {
  if (!can(actor, 'reports:own-volunteering', { ownerId: actor.userId })) throw new ForbiddenError();
  return actor.userId;
}

/** The meetings the volunteer reported: their own answered check-ins (never the answers about the child). */
async function answeredCheckIns(volunteerId: string) {
  const followUps = await FollowUpModel.find(
    { volunteerId, audience: 'volunteer', state: 'done' },
    { matchId: 1, answeredAt: 1, answeredBy: 1, 'answers.meetings': 1 },
  )
    .limit(CHECK_IN_READ_LIMIT)
    .lean<
      Array<{
        matchId: string;
        answeredAt?: Date | null;
        answeredBy?: string | null;
        answers?: { meetings?: number | null } | null;
      }>
    >();
  return followUps.flatMap((followUp) =>
    followUp.answeredBy === volunteerId &&
    followUp.answeredAt &&
    typeof followUp.answers?.meetings === 'number'
      ? [
          {
            matchId: followUp.matchId,
            answeredOn: copenhagenDate(followUp.answeredAt),
            meetings: followUp.answers.meetings,
          },
        ]
      : [],
  );
}

export interface VolunteerRecordPage extends VolunteerRecord {
  name: string;
  today: string;
  matches: Array<VolunteerRecord['matches'][number] & { organisationName: string }>;
  organisations: Array<{ organisationId: string; name: string; vetting: VettingState; validUntil?: Date }>;
}

/** The volunteer's own record of their volunteering: only theirs, and without any child's alias. */
export async function volunteerRecord(actor: Actor, now = new Date()): Promise<VolunteerRecordPage> {
  const userId = ownUserId(actor);
  const [matches, checkIns, memberships, vetting, people] = await Promise.all([
    matchesOfVolunteer(userId),
    answeredCheckIns(userId),
    membershipsOf(userId),
    vettingStatusFor([userId], undefined, now),
    describePeople([userId]),
  ]);
  const record = volunteerRecordOf(matches, checkIns, copenhagenDate);
  const active = memberships.filter((membership) => membership.status === 'active');
  const names = await describeOrganisations([
    ...active.map((membership) => membership.organisationId),
    ...record.matches.map((match) => match.organisationId),
  ]);
  const vettingOf = new Map(vetting.map((status) => [status.organisationId, status]));
  return {
    ...record,
    name: people.get(userId)?.name ?? '',
    today: copenhagenDate(now),
    matches: record.matches.map((match) => ({
      ...match,
      organisationName: names.get(match.organisationId)?.name ?? '–',
    })),
    organisations: active
      .map((membership) => {
        const status = vettingOf.get(membership.organisationId);
        return {
          organisationId: membership.organisationId,
          name: names.get(membership.organisationId)?.name ?? '–',
          vetting: vettingStateOf(status, now),
          validUntil: status?.validUntil,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
  };
}

/**
 * How many matches the volunteer has had (started, running or ended): the count on their home. Read from
 * the matches, not the check-ins: the home is opened often, and the follow-ups are the larger collection.
 */
export async function matchesHad(actor: Actor): Promise<number> {
  const matches = await matchesOfVolunteer(ownUserId(actor));
  return matches.filter((match) => startedAt(match) !== undefined).length;
}
