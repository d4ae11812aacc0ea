import type { Match } from './match-model.js';
import { eligibilityProblem } from './match-ports.js';
import { RequestModel } from './request-model.js';

/**
 * The exact re-check of a match at acceptance and at activation: vetting through the expected duration,
 * membership, pause, the volunteer's own limit and the offer's free places, all read from the database
 * now. Resolves to undefined when it still holds, or a catalog key naming the first reason.
 */
export async function recheckMatch(match: Match & { _id: unknown }): Promise<string | undefined> {
  const request = await RequestModel.findOne({
    _id: match.requestId,
    municipalityCode: match.municipalityCode,
  }).lean();
  if (!request) return 'matching.outcome.not-allowed';
  return eligibilityProblem({
    request,
    volunteerId: match.volunteerId,
    organisationId: match.organisationId,
    offerId: match.offerId ?? undefined,
    matchId: String(match._id),
  });
}
