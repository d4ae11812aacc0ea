import { trusted } from 'mongoose';
import { can, type Actor } from '../accounts/index.js';
import { findPostcode } from '../geography/index.js';
import { announceWrite } from '../../shared/db/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { VolunteerProfileModel } from './volunteer-model.js';
import type { ProfileStatus } from './volunteer-rules.js';
import type { ProfileInput } from './volunteer-schemas.js';

/** Announced after every local write to profiles (matching's candidate read model listens). */
export const PROFILES_TOPIC = 'volunteer-profiles';

function ownerOnly(actor: Actor): string {
  if (!can(actor, 'volunteer:manage-own', { ownerId: actor.userId })) throw new NotFoundError();
  return actor.userId;
}

/** A person's profile (plain data), or undefined when they have not filled it in. */
export async function findProfile(userId: string) {
  return (await VolunteerProfileModel.findOne({ userId }).lean()) ?? undefined;
}

export type StoredProfile = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

/**
 * Creates or updates the actor's own profile. Where they live (municipality, coordinates) is derived from
 * the postcode here, never taken from the form; the status (active/paused) is left as it is.
 */
export async function saveProfile(actor: Actor, input: ProfileInput): Promise<void> {
  const userId = ownerOnly(actor);
  const place = findPostcode(input.postcode);
  if (!place) throw new ValidationError({ postcode: 'volunteers.profile.postcodeUnknown' });
  await VolunteerProfileModel.updateOne(
    { userId },
    {
      $set: { ...input, municipalityCode: place.municipalityCode, lat: place.lat, lon: place.lon },
      $setOnInsert: { userId, status: 'active' },
      // "Not stated" is no field at all.
      ...(input.gender ? {} : { $unset: { gender: 1 } }),
    },
    { upsert: true, runValidators: true },
  );
  announceWrite(PROFILES_TOPIC);
}

export type PauseOutcome = 'done' | 'no-profile' | 'unchanged';

/** Pauses (no new children proposed) or resumes the actor's profile. */
export async function setProfileStatus(actor: Actor, status: ProfileStatus): Promise<PauseOutcome> {
  const userId = ownerOnly(actor);
  const profile = await findProfile(userId);
  if (!profile) return 'no-profile';
  if (profile.status === status) return 'unchanged';
  await VolunteerProfileModel.updateOne(
    { userId },
    status === 'paused'
      ? { $set: { status, pausedAt: new Date() } }
      : { $set: { status }, $unset: { pausedAt: 1 } },
  );
  announceWrite(PROFILES_TOPIC);
  return 'done';
}

export interface ProfileFilter {
  municipalityCode?: string;
  status?: ProfileStatus;
  /** A lat/lon box (see a bounding box around a postcode); the exact distance is for the caller. */
  box?: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  limit?: number;
}

/** Profiles for matching: by municipality, status and area, bounded (the rest is filtered in TypeScript). */
export async function listProfiles(filter: ProfileFilter = {}) {
  const query: Record<string, unknown> = {};
  if (filter.municipalityCode) query.municipalityCode = filter.municipalityCode;
  if (filter.status) query.status = filter.status;
  // trusted(): the bounds are numbers computed on the server; sanitizeFilter would neutralise them.
  if (filter.box) {
    query.lat = trusted({ $gte: filter.box.minLat, $lte: filter.box.maxLat });
    query.lon = trusted({ $gte: filter.box.minLon, $lte: filter.box.maxLon });
  }
  return VolunteerProfileModel.find(query)
    .limit(Math.min(filter.limit ?? 500, 2000))
    .lean();
}

/**
 * Profiles of these people, for matching's candidate read model. A short list is one indexed `$in`; a
 * long one reads every profile once and picks in TypeScript, because FerretDB 1.24 decodes the whole
 * collection for an `$in` anyway and then also compares each document against the whole list.
 */
export async function profilesOf(userIds: readonly string[]): Promise<StoredProfile[]> {
  const wanted = new Set(userIds);
  if (wanted.size === 0) return [];
  if (wanted.size <= 500) return VolunteerProfileModel.find({ userId: trusted({ $in: [...wanted] }) }).lean();
  const all = await VolunteerProfileModel.find({}).limit(200_000).lean();
  return all.filter((profile) => wanted.has(profile.userId));
}

/** Account deletion: the profile goes entirely (nothing in it is needed for documentation). Repeatable. */
export async function deleteProfileOf(userId: string): Promise<void> {
  await VolunteerProfileModel.deleteOne({ userId });
  announceWrite(PROFILES_TOPIC);
}
