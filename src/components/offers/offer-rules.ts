import type { TimeWindow } from '../../shared/time/index.js';

export const OFFER_CATEGORIES = [
  'sport',
  'craft',
  'culture',
  'school',
  'outdoor',
  'faith',
  'social',
  'other',
] as const;
export type OfferCategory = (typeof OFFER_CATEGORIES)[number];

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export { isValidWindow, minutesOf, type TimeWindow } from '../../shared/time/index.js';

export interface Point {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two postcode centroids, in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A latitude/longitude box that contains every point within `km` of the centre: the database filters on
 * it with ordinary indexes (no geo index is needed on FerretDB), and the exact distance is computed after.
 */
export function boundingBox(
  centre: Point,
  km: number,
): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const latDelta = km / 111.32;
  const lonDelta = km / (111.32 * Math.max(0.01, Math.cos(radians(centre.lat))));
  return {
    minLat: centre.lat - latDelta,
    maxLat: centre.lat + latDelta,
    minLon: centre.lon - lonDelta,
    maxLon: centre.lon + lonDelta,
  };
}

/** Does the offer suit a child of this age? Ages are whole years, both ends included. */
export function fitsAge(offer: { ageMin: number; ageMax: number }, age: number): boolean {
  return offer.ageMin <= age && age <= offer.ageMax;
}

/** Is the offer still on: active, and its end date (if any) not passed. */
export function isRunning(offer: { status: string; endsOn?: Date | null }, now: Date): boolean {
  if (offer.status !== 'active') return false;
  return !offer.endsOn || offer.endsOn.getTime() >= startOfDay(now).getTime();
}

/** Local midnight of the day: an offer ending today still runs today. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/**
 * Places still free: the number offered minus the children matched to it now. Derived every time from
 * the active matches (never a stored counter, which concurrent updates on FerretDB could make drift).
 */
export function freePlaces(places: number, activeMatches: number): number {
  return Math.max(0, places - activeMatches);
}

/** The distinct weekdays of a schedule, in order: stored beside it so a weekday filter is one indexed match. */
export function weekdaysOf(schedule: readonly TimeWindow[]): number[] {
  return [...new Set(schedule.map((window) => window.weekday))].sort((a, b) => a - b);
}
