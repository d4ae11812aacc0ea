import { trusted } from 'mongoose';
import { consentFactsByMatch, rulesOf, type ConsentRules } from '../consent/index.js';
import { vettingStatusFor } from '../vetting/index.js';
import {
  consentSituation,
  matchCaseState,
  requestCaseState,
  type MatchCaseState,
  type RequestCaseState,
} from './case-state-rules.js';
import { LIVE_STATES, type MatchState } from './match-rules.js';
import { MatchModel } from './match-model.js';
import { RequestModel } from './request-model.js';
import { wordingFor, type Audience, type StateWording } from './case-state-wording.js';
import { ageFrom } from './request-rules.js';

/** What the rule needs of a stored match. */
export interface MatchForState {
  _id: unknown;
  requestId: string;
  municipalityCode: string;
  organisationId: string;
  volunteerId: string;
  state: string;
  acceptedByOrg?: unknown;
  acceptedByVolunteer?: unknown;
  history: ReadonlyArray<{ state: string; role: string; reason?: string | null }>;
  closeReason?: string | null;
}

/** Live matches whose volunteer's børneattest (with the organisation that vetted them) has run out now. */
async function vettingRunOut(matches: readonly MatchForState[], now: Date): Promise<Set<string>> {
  const live = matches.filter((match) => LIVE_STATES.includes(match.state as MatchState));
  if (live.length === 0) return new Set();
  const statuses = await vettingStatusFor(
    live.map((match) => match.volunteerId),
    undefined,
    now,
  );
  const runOut = new Set(
    statuses
      .filter((status) => status.validUntil && status.validUntil.getTime() <= now.getTime())
      .map((status) => `${status.userId}:${status.organisationId}`),
  );
  return new Set(
    live
      .filter((match) => runOut.has(`${match.volunteerId}:${match.organisationId}`))
      .map((match) => String(match._id)),
  );
}

/**
 * The state of each match, from facts read now: the consent ledger exactly (every version, the latest
 * of each consent), the municipality's consent rules, the child's age, and the volunteer's vetting.
 */
export async function matchStatesOf(
  matches: readonly MatchForState[],
  now = new Date(),
): Promise<Map<string, MatchCaseState>> {
  if (matches.length === 0) return new Map();
  const ids = matches.map((match) => String(match._id));
  const requestIds = [...new Set(matches.map((match) => match.requestId))];
  const codes = [...new Set(matches.map((match) => match.municipalityCode))];
  const [consents, requests, rules, runOut] = await Promise.all([
    consentFactsByMatch(ids),
    RequestModel.find({ _id: trusted({ $in: requestIds }) }, { birthYear: 1, birthMonth: 1 }).lean(),
    Promise.all(codes.map(async (code) => [code, await rulesOf(code)] as const)),
    vettingRunOut(matches, now),
  ]);
  const ages = new Map(
    requests.map((request) => [String(request._id), ageFrom(request.birthYear, request.birthMonth, now)]),
  );
  const rulesByCode = new Map<string, ConsentRules>(rules);
  return new Map(
    matches.map((match) => {
      const id = String(match._id);
      const consent = consentSituation(
        consents.get(id) ?? [],
        rulesByCode.get(match.municipalityCode)!,
        ages.get(match.requestId) ?? 0,
        now,
      );
      const state = matchCaseState({
        state: match.state as MatchState,
        acceptedByOrg: Boolean(match.acceptedByOrg),
        acceptedByVolunteer: Boolean(match.acceptedByVolunteer),
        history: match.history,
        closeReason: match.closeReason,
        consent,
        vettingRunOut: runOut.has(id),
      });
      return [id, state];
    }),
  );
}

/** Each request's state from its matches' states (requests without matches are new). */
export function requestStatesOf(
  requests: ReadonlyArray<{ id: string; status: string }>,
  matches: readonly MatchForState[],
  states: Map<string, MatchCaseState>,
): Map<string, RequestCaseState> {
  return new Map(
    requests.map((request) => [
      request.id,
      requestCaseState(
        request.status,
        matches
          .filter((match) => match.requestId === request.id)
          .map((match) => states.get(String(match._id)))
          .filter((state): state is MatchCaseState => Boolean(state)),
      ),
    ]),
  );
}

/** One match's state in one audience's words (undefined when there is no such match). */
export async function matchStatusFor(
  matchId: string,
  audience: Audience,
  now = new Date(),
): Promise<StateWording | undefined> {
  if (!/^[0-9a-f]{24}$/.test(matchId)) return undefined;
  const match = await MatchModel.findById(matchId).lean();
  const state = match ? (await matchStatesOf([match], now)).get(matchId) : undefined;
  return state ? wordingFor(state, audience) : undefined;
}
