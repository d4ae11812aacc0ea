import { upsertThroughModel } from '../../shared/db/index.js';
import { findPostcode } from '../geography/index.js';
import { MatchModel } from './match-model.js';
import type { MatchState } from './match-rules.js';
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

/** The live match of this adult for this child (for demo seeding that continues from a seeded match). */
export async function liveMatchId(requestId: string, volunteerId: string): Promise<string | undefined> {
  const match = await MatchModel.findOne({ liveKey: `${requestId}:${volunteerId}` }, { _id: 1 }).lean();
  return match ? String(match._id) : undefined;
}
