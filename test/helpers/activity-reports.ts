import { addDays, copenhagenDate, FollowUpModel } from '../../src/components/followups/index.js';
import { MatchModel } from '../../src/components/requests/match-model.js';
import { type MatchState } from '../../src/components/requests/index.js';

let counter = 0;
const at = (day: string) => new Date(`${day}T10:00:00Z`);

/** Today in Copenhagen, and a day relative to it. */
const today = () => copenhagenDate(new Date());
export const daysAgo = (days: number) => addDays(today(), -days);

/** The 10th of the month `back` months before this one (YYYY-MM-DD). */
export function monthAgo(back: number): string {
  const now = today();
  let year = Number(now.slice(0, 4));
  let month = Number(now.slice(5, 7)) - back;
  while (month < 1) [year, month] = [year - 1, month + 12];
  return `${year}-${String(month).padStart(2, '0')}-10`;
}

/**
 * A match of an organisation's volunteer, written directly: started (active) on a day unless it is only
 * proposed, then paused or closed on another if asked. The child's alias is one a page must never show.
 */
export async function activityMatch(options: {
  organisationId: string;
  volunteerId: string;
  requestId?: string;
  offerId?: string;
  startedOn?: string;
  state?: MatchState;
  endedOn?: string;
}): Promise<string> {
  counter += 1;
  const state = options.state ?? 'active';
  const event = (to: string, day: string) => ({ state: to, by: 'x', role: 'social-worker', at: at(day) });
  const started = options.startedOn ?? today();
  const history =
    state === 'proposed' || state === 'declined'
      ? [event('proposed', started), ...(state === 'declined' ? [event('declined', started)] : [])]
      : [
          event('proposed', started),
          event('active', started),
          ...(state === 'paused' || state === 'closed' ? [event(state, options.endedOn ?? today())] : []),
        ];
  const requestId = options.requestId ?? `request-${counter}`;
  const created = await MatchModel.create({
    requestId,
    municipalityCode: '0849',
    organisationId: options.organisationId,
    offerId: options.offerId,
    volunteerId: options.volunteerId,
    proposedBy: 'worker',
    childAlias: 'Zebra-7',
    askText: 'Gymnastik om tirsdagen.',
    state,
    history,
    ...(state === 'closed' ? { closeReason: 'goal-reached' } : {}),
    liveKey: ['declined', 'closed'].includes(state)
      ? `ended:${counter}:${Date.now()}`
      : `${requestId}:${options.volunteerId}`,
  });
  return String(created._id);
}

/** A follow-up of a match: the volunteer's check-in unless told otherwise, answered on a day or not. */
export async function activityCheckIn(options: {
  matchId: string;
  organisationId: string;
  volunteerId: string;
  dueOn: string;
  answeredOn?: string;
  answeredBy?: string;
  meetings?: number;
  state?: 'open' | 'skipped' | 'cancelled';
  audience?: 'volunteer' | 'family';
}): Promise<void> {
  counter += 1;
  const answered = options.answeredOn !== undefined;
  const audience = options.audience ?? 'volunteer';
  await FollowUpModel.create({
    _id: `${options.matchId}:${audience}:regular:${counter}`,
    matchId: options.matchId,
    requestId: 'request',
    municipalityCode: '0849',
    organisationId: options.organisationId,
    volunteerId: options.volunteerId,
    audience,
    kind: 'regular',
    sequence: counter,
    dueOn: options.dueOn,
    state: answered ? 'done' : (options.state ?? 'open'),
    ...(answered
      ? {
          answeredAt: at(options.answeredOn!),
          answeredBy: options.answeredBy ?? options.volunteerId,
          answers: {
            meetings: options.meetings ?? 3,
            goes: 4,
            wellbeing: 4,
            worry: false,
            wishContinue: 'yes',
          },
        }
      : {}),
  });
}
