import { trusted } from 'mongoose';
import type { Actor, RequestContext } from '../accounts/index.js';
import { MatchModel } from './match-model.js';
import { matchStatesOf, requestStatesOf } from './case-state-service.js';
import { wordingFor } from './case-state-wording.js';
import { LIVE_STATES, type MatchState } from './match-rules.js';
import { auditRequest, ownMunicipality } from './request-access.js';
import { RequestModel } from './request-model.js';
import { ageFrom, CASELOAD_GENTLE_LIMIT, type RequestStatus } from './request-rules.js';

const CASELOAD_STATUSES: RequestStatus[] = ['open', 'matched'];

/**
 * The social worker's caseload: their own requests that are not closed, each with its live matches, and
 * the count the Swedish-inspired model keeps at 15–20. Listing is audited with its criteria.
 */
export async function caseloadOf(actor: Actor, context: RequestContext, now = new Date()) {
  const municipalityCode = ownMunicipality(actor);
  const requests = await RequestModel.find(
    { municipalityCode, responsibleId: actor.userId, status: trusted({ $in: CASELOAD_STATUSES }) },
    { caseRef: 1, birthYear: 1, birthMonth: 1, status: 1, postcode: 1, createdAt: 1 },
  )
    .sort({ createdAt: -1 })
    .limit(500)
    .lean();
  const ids = requests.map((request) => String(request._id));
  // Ended matches too: a request whose proposals all ended is "looking", not "new". The municipality
  // narrows the read where the engine cannot look up a list of ids.
  const all = await MatchModel.find(
    { municipalityCode, requestId: trusted({ $in: ids }) },
    {
      requestId: 1,
      municipalityCode: 1,
      organisationId: 1,
      volunteerId: 1,
      state: 1,
      childAlias: 1,
      acceptedByOrg: 1,
      acceptedByVolunteer: 1,
      history: 1,
      closeReason: 1,
    },
  )
    .limit(2000)
    .lean();
  const matches = all.filter((match) => LIVE_STATES.includes(match.state as MatchState));
  const matchStates = await matchStatesOf(all, now);
  const requestStates = requestStatesOf(
    requests.map((request) => ({ id: String(request._id), status: request.status })),
    all,
    matchStates,
  );
  await auditRequest(actor, 'request.list', undefined, context, {
    criteria: { responsible: 'self', statuses: CASELOAD_STATUSES },
    count: requests.length,
  });
  const rows = requests.map((request) => {
    const own = matches.filter((match) => match.requestId === String(request._id));
    return {
      id: String(request._id),
      caseRef: request.caseRef,
      age: ageFrom(request.birthYear, request.birthMonth, now),
      postcode: request.postcode,
      status: wordingFor(requestStates.get(String(request._id))!, 'socialWorker'),
      createdAt: request.createdAt,
      matches: own.map((match) => ({
        childAlias: match.childAlias,
        status: wordingFor(matchStates.get(String(match._id))!, 'socialWorker'),
      })),
    };
  });
  return {
    rows,
    count: rows.length,
    activeMatches: matches.filter((match) => match.state === 'active' || match.state === 'paused').length,
    overLimit: rows.length > CASELOAD_GENTLE_LIMIT,
    limit: CASELOAD_GENTLE_LIMIT,
  };
}
