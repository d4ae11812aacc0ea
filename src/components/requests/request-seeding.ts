import { Types } from 'mongoose';
import { upsertThroughModel } from '../../shared/db/index.js';
import { findPostcode } from '../geography/index.js';
import { MatchModel } from './match-model.js';
import type { CloseReason, MatchState } from './match-rules.js';
import { RequestModel } from './request-model.js';
import type { PreventsStep } from './request-rules.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

/** A request as demo content and the bench describe it: no form, no actor, no audit. */
export interface RequestSeed {
  municipalityCode: string;
  responsibleId: string;
  caseRef: string;
  birthYear: number;
  birthMonth: number;
  postcode: string;
  preventsStep: PreventsStep;
  interests?: string[];
  needTags?: string[];
  needsText?: string;
  homeLanguages?: string[];
  windows?: Array<{ weekday: number; from: string; to: string }>;
  /** How many months the adult is expected for (12 when not given, as on the form). */
  expectedMonths?: number;
  status?: 'open' | 'matched';
}

/**
 * Creates or replaces the municipality's request with this case reference; returns its id. The document is
 * built and validated by the model, so it holds every default a request made through the form has.
 */
export async function upsertRequest(seed: RequestSeed): Promise<string> {
  const place = findPostcode(seed.postcode);
  if (!place) throw new Error(`Unknown postcode ${seed.postcode}`);
  return upsertThroughModel(
    RequestModel,
    { municipalityCode: seed.municipalityCode, caseRef: seed.caseRef },
    { ...seed, areaMunicipalityCode: place.municipalityCode, lat: place.lat, lon: place.lon },
    { onInsert: { createdBy: seed.responsibleId } },
  );
}

export interface MatchSeed {
  requestId: string;
  municipalityCode: string;
  organisationId: string;
  volunteerId: string;
  offerId?: string;
  proposedBy: string;
  childAlias: string;
  askText: string;
  /**
   * 'proposed' (waiting for both answers), 'awaiting-consent' (both accepted) or 'active' (started; its
   * consents are recorded separately, through the consent component).
   */
  state: Extract<MatchState, 'proposed' | 'awaiting-consent' | 'active'>;
  at: Date;
}

/** Puts a match in place once: a live match of the same adult for the same child is left as it is. */
export async function seedMatch(seed: MatchSeed): Promise<void> {
  const { state, at, ...rest } = seed;
  const event = (to: MatchState, by: string, role: string) => ({ state: to, by, role, at });
  const accepted = state !== 'proposed';
  try {
    await MatchModel.create({
      ...rest,
      state,
      history: [
        event('proposed', seed.proposedBy, 'social-worker'),
        ...(accepted
          ? [
              event('accepted', seed.volunteerId, 'volunteer'),
              event('awaiting-consent', seed.volunteerId, 'volunteer'),
            ]
          : []),
        ...(state === 'active' ? [event('active', seed.proposedBy, 'social-worker')] : []),
      ],
      ...(accepted
        ? {
            acceptedByOrg: { by: seed.proposedBy, at },
            acceptedByVolunteer: { by: seed.volunteerId, at },
          }
        : {}),
      liveKey: `${seed.requestId}:${seed.volunteerId}`,
      createdAt: at,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** The municipality's request with this case reference, if it is there already (for seeding once). */
export async function requestIdOf(municipalityCode: string, caseRef: string): Promise<string | undefined> {
  const request = await RequestModel.findOne({ municipalityCode, caseRef }, { _id: 1 }).lean();
  return request ? String(request._id) : undefined;
}

/** The live match of this adult for this child (for demo seeding that continues from a seeded match). */
export async function liveMatchId(requestId: string, volunteerId: string): Promise<string | undefined> {
  const match = await MatchModel.findOne({ liveKey: `${requestId}:${volunteerId}` }, { _id: 1 }).lean();
  return match ? String(match._id) : undefined;
}

/** One ended match of a past case: when the adult started and stopped, and why. */
export interface PastMatchSeed {
  organisationId: string;
  volunteerId: string;
  offerId?: string;
  proposedBy: string;
  childAlias: string;
  askText: string;
  activeAt: Date;
  closedAt: Date;
  closeReason: CloseReason;
}

const WEEK = 7 * 86_400_000;

/**
 * A past case for demo history: a closed request and its ended matches (none when it was closed without
 * an adult), built and validated by the models. Nothing is written when the request is already there.
 */
export async function seedPastCase(
  request: RequestSeed & { createdAt: Date; closedAt: Date },
  matches: PastMatchSeed[],
): Promise<void> {
  const { closedAt, ...fields } = request;
  if (await RequestModel.exists({ municipalityCode: request.municipalityCode, caseRef: request.caseRef }))
    return;
  const place = findPostcode(request.postcode);
  if (!place) throw new Error(`Unknown postcode ${request.postcode}`);
  // The seed's languages are checked by the model's validation on save, as upsertRequest's are.
  const created = new RequestModel({
    ...fields,
    areaMunicipalityCode: place.municipalityCode,
    lat: place.lat,
    lon: place.lon,
    createdBy: request.responsibleId,
    status: 'closed',
    closedAt,
    closedBy: request.responsibleId,
  } as never);
  await created.save();
  for (const { activeAt, closedAt: endedAt, closeReason, ...match } of matches) {
    const _id = new Types.ObjectId();
    const proposedAt = new Date(activeAt.getTime() - WEEK);
    const event = (state: MatchState, by: string, role: string, at: Date) => ({ state, by, role, at });
    await MatchModel.create({
      _id,
      ...match,
      requestId: String(created._id),
      municipalityCode: request.municipalityCode,
      state: 'closed',
      history: [
        event('proposed', match.proposedBy, 'social-worker', proposedAt),
        event('accepted', match.volunteerId, 'volunteer', proposedAt),
        event('awaiting-consent', match.volunteerId, 'volunteer', proposedAt),
        event('active', match.proposedBy, 'social-worker', activeAt),
        event('closed', match.proposedBy, 'social-worker', endedAt),
      ],
      acceptedByOrg: { by: match.proposedBy, at: proposedAt },
      acceptedByVolunteer: { by: match.volunteerId, at: proposedAt },
      closeReason,
      // An ended match's live key is its own id (see match-model.ts).
      liveKey: String(_id),
      createdAt: proposedAt,
    });
  }
}
