import { trusted } from 'mongoose';
import { ageBand, visibleFieldsFor, type ChildField } from '../consent/index.js';
import { RequestModel } from './request-model.js';
import { ageFrom } from './request-rules.js';

/** What a coordinator or a volunteer may know of the child of one match, decided now by the family's consent. */
export interface ChildView {
  /** Nothing beyond the age band and the activity until the family has agreed. */
  agreed: boolean;
  ageBand: string;
  alias?: string;
  age?: number;
  interests?: string[];
  needTags?: string[];
  languages?: string[];
  arrangements?: Array<{ weekday: number; from: string; to: string }>;
}

interface MatchForView {
  _id: unknown;
  requestId: string;
  municipalityCode: string;
  childAlias: string;
}

/**
 * Builds each match's child view for the organisation ('organisation') or the adult ('adult'). Only the
 * fields a consent in force lists are read into the result; everything else never leaves this function,
 * so a page or an e-mail cannot show it by mistake. Read per request from the ledger, never cached.
 */
export async function childViews(
  matches: MatchForView[],
  recipient: 'organisation' | 'adult',
  now = new Date(),
): Promise<Map<string, ChildView>> {
  const ids = [...new Set(matches.map((match) => match.requestId))];
  const requests = await RequestModel.find(
    { _id: trusted({ $in: ids }) },
    { birthYear: 1, birthMonth: 1, interests: 1, needTags: 1, homeLanguages: 1, windows: 1 },
  ).lean();
  const byId = new Map(requests.map((request) => [String(request._id), request]));
  const ageOf = (requestId: string) => {
    const request = byId.get(requestId);
    return request ? ageFrom(request.birthYear, request.birthMonth, now) : 0;
  };
  const fields = await visibleFieldsFor(
    matches.map((match) => ({
      matchId: String(match._id),
      municipalityCode: match.municipalityCode,
      childAge: ageOf(match.requestId),
    })),
    recipient,
    now,
  );
  return new Map(
    matches.map((match) => {
      const request = byId.get(match.requestId);
      const allowed = new Set<ChildField>(fields.get(String(match._id)) ?? []);
      const view: ChildView = { agreed: allowed.size > 0, ageBand: ageBand(ageOf(match.requestId)) };
      if (allowed.has('alias')) view.alias = match.childAlias;
      if (request && allowed.has('age')) view.age = ageOf(match.requestId);
      if (request && allowed.has('interests')) view.interests = [...request.interests];
      if (request && allowed.has('needTags')) view.needTags = [...request.needTags];
      if (request && allowed.has('languages')) view.languages = [...(request.homeLanguages ?? [])];
      if (request && allowed.has('arrangements'))
        view.arrangements = (request.windows ?? []).map((window) => ({
          weekday: window.weekday,
          from: window.from,
          to: window.to,
        }));
      return [String(match._id), view];
    }),
  );
}
