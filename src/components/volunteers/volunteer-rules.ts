/**
 * The volunteer's profile as matching will read it. Pure functions, no database: availability windows,
 * tags, and whether a profile can take a child. Offers have similar rules; they are kept separately here
 * because offers does not export its own (components meet only through their index).
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
export const MAX_WINDOWS = 3;
export const PRESENTATION_MAX = 1000;

export interface TimeWindow {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  from: string;
  to: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** A window is usable when it names a weekday and two clock times, and ends after it starts (same day). */
export function isValidWindow(window: TimeWindow): boolean {
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return (
    Number.isInteger(window.weekday) &&
    window.weekday >= 1 &&
    window.weekday <= 7 &&
    from !== undefined &&
    to !== undefined &&
    from < to
  );
}

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
