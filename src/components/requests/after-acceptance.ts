import { trusted } from 'mongoose';
import { staffContacts, type StaffContact } from '../accounts/index.js';
import { offerMeetings } from '../offers/index.js';
import {
  AFTER_ACCEPTANCE_STATES,
  firstMeetingAhead,
  nextMeeting,
  type MeetingWindow,
} from './after-acceptance-rules.js';
import { RequestModel } from './request-model.js';

/** Who, where and when, once both sides have said yes: read from the request's worker and the offer. */
export interface AfterAcceptance {
  /** The request's responsible social worker, while their account is active. */
  socialWorker?: StaffContact;
  /** The offer's title, when the proposal names an offer. */
  offerTitle?: string;
  place?: string;
  schedule: MeetingWindow[];
  /** The next time the offer meets, while the match has not yet started. */
  firstMeeting?: MeetingWindow & { on: string };
}

interface AcceptedMatch {
  id: string;
  requestId: string;
  offerId?: string | null;
  state: string;
}

const isAccepted = (state: string) => (AFTER_ACCEPTANCE_STATES as readonly string[]).includes(state);

/** The responsible worker of each request: a few are read by `_id`, more in one `$in` read. */
async function responsibleOf(requestIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(requestIds)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  const fields = { responsibleId: 1 };
  const requests =
    ids.length <= 25
      ? (await Promise.all(ids.map((id) => RequestModel.findById(id, fields).lean()))).filter(
          (request) => request !== null,
        )
      : await RequestModel.find({ _id: trusted({ $in: ids }) }, fields).lean();
  return new Map(requests.map((request) => [String(request._id), request.responsibleId]));
}

/**
 * What the volunteer and the coordinator (and the family's receipt) are told of an accepted match: the
 * responsible social worker's name and work phone or e-mail, and when and where the offer meets. Nothing
 * of the child. Matches not (or no longer) accepted get nothing.
 */
export async function afterAcceptanceOf(
  matches: readonly AcceptedMatch[],
  now = new Date(),
  options: { fromProposal?: boolean } = {},
): Promise<Map<string, AfterAcceptance>> {
  // The family's receipt names them as soon as the family agrees, which may be before both sides accepted.
  const accepted = matches.filter((match) => options.fromProposal || isAccepted(match.state));
  if (accepted.length === 0) return new Map();
  const [responsible, meetings] = await Promise.all([
    responsibleOf(accepted.map((match) => match.requestId)),
    offerMeetings(accepted.flatMap((match) => (match.offerId ? [match.offerId] : []))),
  ]);
  const contacts = await staffContacts([...responsible.values()]);
  return new Map(
    accepted.map((match) => {
      const meeting = match.offerId ? meetings.get(match.offerId) : undefined;
      const schedule = meeting?.schedule ?? [];
      return [
        match.id,
        {
          socialWorker: contacts.get(responsible.get(match.requestId) ?? ''),
          offerTitle: meeting?.title,
          place: meeting?.place,
          schedule,
          firstMeeting: firstMeetingAhead(match.state) ? nextMeeting(schedule, now) : undefined,
        },
      ];
    }),
  );
}
