import { minutesOf, type TimeWindow } from '../../shared/time/index.js';

/**
 * The volunteer's profile as matching will read it. Pure functions, no database: availability windows,
 * tags, and whether a profile can take a child. The time-window rule itself is shared with offers
 * (src/shared/time).
 */
export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const PROFILE_STATUSES = ['active', 'paused'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** Languages a volunteer can choose (ISO 639-1), so a social worker's filter matches exactly. */
export const LANGUAGES = [
  'da',
  'en',
  'de',
  'sv',
  'no',
  'pl',
  'uk',
  'ar',
  'tr',
  'so',
  'fa',
  'ur',
  'ti',
  'es',
  'fr',
] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/** Self-described and optional: only a family's hard wish for a female or male adult reads it. */
export const VOLUNTEER_GENDERS = ['female', 'male', 'other'] as const;
export type VolunteerGender = (typeof VOLUNTEER_GENDERS)[number];

export const MAX_CHILDREN = 3;
export const PRESENTATION_MAX = 1000;

export { isValidWindow, minutesOf, type TimeWindow } from '../../shared/time/index.js';

/** The longest stretch, in minutes, that two sets of windows share on one weekday (for matching). */
export function overlapMinutes(a: readonly TimeWindow[], b: readonly TimeWindow[]): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      if (x.weekday !== y.weekday) continue;
      const start = Math.max(minutesOf(x.from) ?? 0, minutesOf(y.from) ?? 0);
      const end = Math.min(minutesOf(x.to) ?? 0, minutesOf(y.to) ?? 0);
      best = Math.max(best, end - start);
    }
  }
  return best;
}

/** May this profile be proposed for a child now: not paused, and places left. */
export function canTakeChild(
  profile: { status: string; maxChildren: number },
  activeMatches: number,
): boolean {
  return profile.status === 'active' && activeMatches < profile.maxChildren;
}
