import { type MatchForActivity } from '../case-reads/index.js';
import { endedAt, isRunning, startedAt } from './activity-rules.js';

/** A check-in the volunteer answered: which match, when, and how many times they met since the last one. */
export interface AnsweredCheckIn {
  matchId: string;
  answeredOn: string;
  meetings: number;
}

interface RecordedMatch {
  organisationId: string;
  /** Copenhagen dates: the first day active, and the day it closed (none while it runs). */
  from: string;
  to?: string;
  running: boolean;
  meetings: number;
  checkIns: number;
}

export interface VolunteerRecord {
  meetings: number;
  checkIns: number;
  /** The first day one of the volunteer's matches became active. */
  since?: string;
  /** The last day of the latest match, or none while one still runs. */
  until?: string;
  children: number;
  matches: RecordedMatch[];
}

/**
 * The volunteer's own record. What counts as a meeting: each check-in asks "how many times have you seen
 * each other since last time?", so the meetings are the sum of those answers over the check-ins the
 * volunteer answered themself. The family follow-ups (answered by the social worker) are left out: they
 * describe the same meetings from the family's side and would count them twice. A meeting never reported
 * in a check-in is not counted: the record documents what the volunteer reported, nothing more.
 * Matches count from the day they became active (a proposal that never started is no volunteering);
 * children are the distinct requests among them, so a child matched again with the same adult counts
 * once. Nothing here names a child: the record can be shown to an employer or a school.
 */
export function volunteerRecordOf(
  matches: readonly MatchForActivity[],
  checkIns: readonly AnsweredCheckIn[],
  dayOf: (at: Date) => string,
): VolunteerRecord {
  const started = matches
    .flatMap((match) => {
      const from = startedAt(match);
      return from ? [{ match, from: dayOf(from), ended: endedAt(match) }] : [];
    })
    .sort((a, b) => a.from.localeCompare(b.from));
  const recorded = started.map(({ match, from, ended }) => {
    const own = checkIns.filter((checkIn) => checkIn.matchId === match.id);
    return {
      organisationId: match.organisationId,
      from,
      to: ended ? dayOf(ended) : undefined,
      running: isRunning(match),
      meetings: own.reduce((sum, checkIn) => sum + checkIn.meetings, 0),
      checkIns: own.length,
    };
  });
  const ongoing = recorded.some((match) => match.to === undefined);
  const ends = recorded.flatMap((match) => (match.to ? [match.to] : [])).sort();
  return {
    // Every answered check-in counts: a check-in is only ever planned for a match that became active.
    meetings: checkIns.reduce((sum, checkIn) => sum + checkIn.meetings, 0),
    checkIns: checkIns.length,
    since: recorded[0]?.from,
    until: ongoing ? undefined : ends.at(-1),
    children: new Set(started.map(({ match }) => match.requestId)).size,
    matches: recorded,
  };
}
