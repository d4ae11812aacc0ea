import { trusted } from 'mongoose';
import { MUNICIPAL_STAFF_ROLES, type Actor } from '../accounts/index.js';
import { ageBand, CHILD_FIELDS, visibleFieldsFor, type ChildField } from '../consent/index.js';
import { offerTitles } from '../offers/index.js';
import { describeOrganisations } from '../organisations/index.js';
import { MatchModel } from './match-model.js';
import type { MatchState } from './match-rules.js';
import { isObjectId } from './request-access.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';

/**
 * Who is looking. Staff of the match's municipality see what their casework needs; the coordinators of
 * the match's organisation and the match's volunteer see what the family's consent lets them; anyone
 * else sees nothing of the child.
 */
export type ChildViewer =
  | { kind: 'staff'; municipalityCode: string }
  | { kind: 'coordinator'; organisationId: string }
  | { kind: 'volunteer'; userId: string }
  | { kind: 'other' };

const MUNICIPAL_STAFF = new Set<string>(MUNICIPAL_STAFF_ROLES);

/** The viewer an acting person is in their current role. */
export function viewerOf(actor: Actor): ChildViewer {
  if (MUNICIPAL_STAFF.has(actor.role) && actor.municipalityCode)
    return { kind: 'staff', municipalityCode: actor.municipalityCode };
  if (actor.role === 'coordinator' && actor.organisationId)
    return { kind: 'coordinator', organisationId: actor.organisationId };
  if (actor.role === 'volunteer') return { kind: 'volunteer', userId: actor.userId };
  return { kind: 'other' };
}

/** What one viewer may see of the child of one match, now. */
export interface ChildView {
  /** Some field beyond the age band and the activity is shown. */
  agreed: boolean;
  ageBand: string;
  /** What the match is about, shown whatever the consent: the offer's title, or the organisation's name. */
  activity: string;
  alias?: string;
  age?: number;
  interests?: string[];
  needTags?: string[];
  languages?: string[];
  arrangements?: Array<{ weekday: number; from: string; to: string }>;
  /** The proposal's free text ("what you are asked to do"): a field like the others. */
  ask?: string;
}

/** A recipient sees the child only while the match runs or is being agreed; never once paused or ended. */
const SHOWN_TO_RECIPIENTS: readonly MatchState[] = ['proposed', 'accepted', 'awaiting-consent', 'active'];

type GateMatch = {
  _id: unknown;
  requestId: string;
  municipalityCode: string;
  organisationId: string;
  offerId?: string | null;
  volunteerId: string;
  childAlias: string;
  askText: string;
  state: string;
};

type GateRequest = {
  _id: unknown;
  birthYear: number;
  birthMonth: number;
  interests: string[];
  needTags: string[];
  homeLanguages?: string[] | null;
  windows?: Array<{ weekday: number; from: string; to: string }> | null;
};

function recipientOf(viewer: ChildViewer, match: GateMatch): 'staff' | 'organisation' | 'adult' | undefined {
  if (viewer.kind === 'staff' && viewer.municipalityCode === match.municipalityCode) return 'staff';
  if (viewer.kind === 'coordinator' && viewer.organisationId === match.organisationId) return 'organisation';
  if (viewer.kind === 'volunteer' && viewer.userId === match.volunteerId) return 'adult';
  return undefined;
}

/**
 * The one answer to "what may this viewer see of the child of each of these matches, now". Matches, the
 * requests and the consent ledger are read on every call (never cached), for all matches at once so a
 * list page asks once. Only the fields allowed are copied into a view; a match the viewer has no part in
 * gets no view at all, so nothing else can leave this function by mistake.
 */
export async function childGate(
  viewer: ChildViewer,
  matchIds: readonly string[],
  now = new Date(),
): Promise<Map<string, ChildView>> {
  const ids = [...new Set(matchIds)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  if (viewer.kind === 'other' || ids.length === 0) return new Map();
  const matches = await MatchModel.find(
    { _id: trusted({ $in: ids }) },
    {
      requestId: 1,
      municipalityCode: 1,
      organisationId: 1,
      offerId: 1,
      volunteerId: 1,
      childAlias: 1,
      askText: 1,
      state: 1,
    },
  ).lean<GateMatch[]>();
  const seen = matches.flatMap((match) => {
    const recipient = recipientOf(viewer, match);
    return recipient ? [{ match, recipient }] : [];
  });
  const requests = await RequestModel.find(
    { _id: trusted({ $in: [...new Set(seen.map(({ match }) => match.requestId))].filter(isObjectId) }) },
    { birthYear: 1, birthMonth: 1, interests: 1, needTags: 1, homeLanguages: 1, windows: 1 },
  ).lean<GateRequest[]>();
  const requestById = new Map(requests.map((request) => [String(request._id), request]));
  const ageOf = (match: GateMatch) => {
    const request = requestById.get(match.requestId);
    return request ? ageFrom(request.birthYear, request.birthMonth, now) : 0;
  };
  const [organisations, titles] = await Promise.all([
    describeOrganisations(seen.map(({ match }) => match.organisationId)),
    offerTitles(seen.flatMap(({ match }) => (match.offerId ? [match.offerId] : []))),
  ]);
  const activityOf = (match: GateMatch) =>
    (match.offerId && titles.get(match.offerId)) || organisations.get(match.organisationId)?.name || '–';
  const allowedFor = async (recipient: 'organisation' | 'adult') => {
    const subjects = seen
      .filter((entry) => entry.recipient === recipient)
      .filter(({ match }) => SHOWN_TO_RECIPIENTS.includes(match.state as MatchState))
      .map(({ match }) => ({
        matchId: String(match._id),
        municipalityCode: match.municipalityCode,
        childAge: ageOf(match),
      }));
    return subjects.length > 0 ? visibleFieldsFor(subjects, recipient, now) : new Map<string, ChildField[]>();
  };
  const [toOrganisation, toAdult] = await Promise.all([allowedFor('organisation'), allowedFor('adult')]);
  const views = new Map<string, ChildView>();
  for (const { match, recipient } of seen) {
    const id = String(match._id);
    const allowed = new Set<ChildField>(
      recipient === 'staff'
        ? CHILD_FIELDS
        : ((recipient === 'organisation' ? toOrganisation : toAdult).get(id) ?? []),
    );
    views.set(id, viewOf(match, requestById.get(match.requestId), allowed, ageOf(match), activityOf(match)));
  }
  return views;
}

function viewOf(
  match: GateMatch,
  found: GateRequest | undefined,
  allowed: Set<ChildField>,
  age: number,
  activity: string,
): ChildView {
  const view: ChildView = { agreed: allowed.size > 0, ageBand: ageBand(age), activity };
  if (allowed.has('alias')) view.alias = match.childAlias;
  if (allowed.has('ask')) view.ask = match.askText;
  if (!found) return view;
  if (allowed.has('age')) view.age = age;
  if (allowed.has('interests')) view.interests = [...found.interests];
  if (allowed.has('needTags')) view.needTags = [...found.needTags];
  if (allowed.has('languages')) view.languages = [...(found.homeLanguages ?? [])];
  if (allowed.has('arrangements'))
    view.arrangements = (found.windows ?? []).map((window) => ({
      weekday: window.weekday,
      from: window.from,
      to: window.to,
    }));
  return view;
}
