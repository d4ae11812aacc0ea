// Deterministic randomness for the seeders: every run seeds the same municipality, so two runs (before
// and after a change) measure the same data.

export type Random = () => number;

/** A small deterministic generator (mulberry32). */
export function generator(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from min to max, both included. */
export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, from: readonly T[]): T {
  if (from.length === 0) throw new Error('pick from an empty list');
  return from[Math.floor(random() * from.length)]!;
}

/** Up to `count` different elements, in random order. */
export function pickSome<T>(random: Random, from: readonly T[], count: number): T[] {
  const copy = [...from];
  shuffle(random, copy);
  return copy.slice(0, Math.min(count, copy.length));
}

/** Fisher–Yates, in place. */
export function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const DAY_MS = 86_400_000;
export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);
export const daysAfter = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);
export function addMonths(at: Date, months: number): Date {
  const next = new Date(at);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
