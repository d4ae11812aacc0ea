import { overlapMinutes as longestOverlap, type TimeWindow } from '../volunteers/index.js';
import type { NearMisses } from './candidate-ranking.js';
import { MAX_TRAVEL_KM } from '../requests/index.js';
import { WINDOW_ROWS } from '../../shared/window-fields/index.js';

/** At most this many suggestions: more would read as a form, not as a way forward. */
const MAX_RELAXATIONS = 3;
/** A wider distance is offered in whole steps of this many km. */
const DISTANCE_STEP_KM = 5;

/** One change to the request's own wishes, and how many more people it would find. */
export type Relaxation =
  | { kind: 'distance'; km: number; count: number }
  | { kind: 'weekday'; weekday: number; from: string; to: string; count: number }
  | { kind: 'any-time'; count: number }
  | { kind: 'any-gender'; count: number };

export interface RelaxableRequest {
  maxTravelKm: number;
  windows: readonly TimeWindow[];
}

const byDistance = (misses: NearMisses['wishes'], request: RelaxableRequest): Relaxation | undefined => {
  const needed = misses
    .filter((miss) => miss.wish === 'too-far')
    .map((miss) => Math.ceil(miss.km / DISTANCE_STEP_KM) * DISTANCE_STEP_KM)
    .filter((km) => km > request.maxTravelKm && km <= MAX_TRAVEL_KM)
    .sort((a, b) => a - b);
  // The smallest step that reaches someone: the family's wish is changed no more than it must be.
  const km = needed[0];
  if (km === undefined) return undefined;
  return { kind: 'distance', km, count: needed.filter((each) => each <= km).length };
};

/**
 * Times first: the same hours on another weekday (when the form has a free row) keep the family's day
 * plan; only when no single weekday reaches anyone is dropping the time wish offered.
 */
const bySchedule = (misses: NearMisses['wishes'], request: RelaxableRequest): Relaxation | undefined => {
  const off = misses.filter((miss) => miss.wish === 'schedule');
  if (off.length === 0) return undefined;
  let best: Extract<Relaxation, { kind: 'weekday' }> | undefined;
  if (request.windows.length < WINDOW_ROWS) {
    const asked = new Set(request.windows.map((window) => window.weekday));
    for (const window of request.windows) {
      for (let weekday = 1; weekday <= 7; weekday += 1) {
        if (asked.has(weekday)) continue;
        const shifted = [{ weekday, from: window.from, to: window.to }];
        const count = off.filter((miss) => longestOverlap(shifted, miss.windows) > 0).length;
        if (count > 0 && (!best || count > best.count)) best = { kind: 'weekday', ...shifted[0]!, count };
      }
    }
  }
  return best ?? { kind: 'any-time', count: off.length };
};

const byGender = (misses: NearMisses['wishes']): Relaxation | undefined => {
  const count = misses.filter((miss) => miss.wish === 'adult-gender').length;
  return count > 0 ? { kind: 'any-gender', count } : undefined;
};

/**
 * The changes to the request's own wishes that would find someone, counted from the people the ranking
 * left out for that one wish alone: one per wish, the largest gain first, at most MAX_RELAXATIONS.
 * Safeguards (vetting, a full place, a pause) never appear: they are not the family's to give up. The
 * family's languages only add to a candidate's score and leave no one out, so dropping them would find
 * no one new; the family's wish about faith communities is theirs to change in the form, not by a click.
 */
export function relaxationsOf(misses: NearMisses['wishes'], request: RelaxableRequest): Relaxation[] {
  return [byDistance(misses, request), bySchedule(misses, request), byGender(misses)]
    .filter((relaxation): relaxation is Relaxation => relaxation !== undefined)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_RELAXATIONS);
}
