import { distanceKm, type Point } from '../offers/index.js';
import { overlapMinutes as longestOverlap, type TimeWindow } from '../volunteers/index.js';

/**
 * Who may be proposed for a child, and in what order: pure rules, no database. A candidate is an adult
 * volunteer of an organisation, with or without one of its offers. Hard filters come first, each with a
 * named reason; then a score that is the sum of weighted, explained factors. Nothing here reads (or may
 * ever read) the child's ethnicity or religion: there are no such fields. `noFaithCommunity` is the
 * family's own wish about the kind of organisation.
 */
export const EXCLUSION_REASONS = [
  'paused',
  'not-vetted',
  'faith-community',
  'adult-gender',
  'age',
  'schedule',
  'too-far',
  // Last, because they need a count of matches: only candidates that pass the rest are counted.
  'at-limit',
  'no-free-place',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const FACTORS = ['network', 'interests', 'distance', 'schedule', 'language', 'load'] as const;
export type Factor = (typeof FACTORS)[number];
export type Weights = Record<Factor, number>;

/**
 * Defaults that work: the child's own network outweighs everything else together (it ranks first), then
 * shared interests, distance and time, language and, last, spreading the load over volunteers.
 */
export const DEFAULT_WEIGHTS: Weights = {
  network: 200,
  interests: 30,
  distance: 20,
  schedule: 20,
  language: 15,
  load: 15,
};
export const WEIGHT_LIMITS: Record<Factor, { min: number; max: number }> = {
  network: { min: 0, max: 500 },
  interests: { min: 0, max: 100 },
  distance: { min: 0, max: 100 },
  schedule: { min: 0, max: 100 },
  language: { min: 0, max: 100 },
  load: { min: 0, max: 100 },
};
/** When the request names no distance. */
export const DEFAULT_TRAVEL_KM = 25;

export interface RequestFacts {
  age: number;
  interests: readonly string[];
  homeLanguages: readonly string[];
  windows: readonly TimeWindow[];
  point: Point;
  maxTravelKm: number;
  adultGender?: string;
  noFaithCommunity: boolean;
  networkOrganisationIds: readonly string[];
  networkVolunteerId?: string;
  /** Vetting must hold through this day (today plus the expected duration). */
  vettedThrough: Date;
}

export interface CandidateFacts {
  volunteerId: string;
  organisationId: string;
  offerId?: string;
  organisationKind: string;
  vettedUntil?: Date;
  status: string;
  maxChildren: number;
  activeMatches: number;
  gender?: string;
  languages: readonly string[];
  interests: readonly string[];
  windows: readonly TimeWindow[];
  point: Point;
  /** Only for a candidate with an offer. */
  offer?: { ageMin: number; ageMax: number; freePlaces: number };
}

const MINUTE = /^(\d{2}):(\d{2})$/;
const minutes = (time: string) => {
  const match = MINUTE.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
};

/** Minutes of the requested windows that the candidate's windows cover (each requested minute once). */
export function sharedMinutes(wanted: readonly TimeWindow[], offered: readonly TimeWindow[]): number {
  let total = 0;
  for (const want of wanted) {
    const covered = offered
      .filter((window) => window.weekday === want.weekday)
      .map((window) => [
        Math.max(minutes(window.from), minutes(want.from)),
        Math.min(minutes(window.to), minutes(want.to)),
      ])
      .filter(([from, to]) => to > from)
      .sort((a, b) => a[0] - b[0]);
    let reached = 0;
    for (const [from, to] of covered) {
      const start = Math.max(from, reached);
      if (to > start) total += to - start;
      reached = Math.max(reached, to);
    }
  }
  return total;
}

const requestedMinutes = (windows: readonly TimeWindow[]) =>
  windows.reduce((sum, window) => sum + Math.max(0, minutes(window.to) - minutes(window.from)), 0);

export interface Exclusion {
  reason: ExclusionReason;
  /** Numbers for the explanation (e.g. the distance), never anything about the child. */
  params?: Record<string, string | number>;
}

/** Whether the person may take a child at all now: not paused, vetted through the period. */
export function standingOf(
  candidate: Pick<CandidateFacts, 'status' | 'vettedUntil'>,
  vettedThrough: Date,
): ExclusionReason | undefined {
  if (candidate.status !== 'active') return 'paused';
  if (!candidate.vettedUntil || candidate.vettedUntil < vettedThrough) return 'not-vetted';
  return undefined;
}

/** Whether the person (or the offer) has room for one more child. */
export function capacityOf(
  candidate: Pick<CandidateFacts, 'activeMatches' | 'maxChildren' | 'offer'>,
): ExclusionReason | undefined {
  if (candidate.activeMatches >= candidate.maxChildren) return 'at-limit';
  if (candidate.offer && candidate.offer.freePlaces <= 0) return 'no-free-place';
  return undefined;
}

/**
 * Every hard filter the candidate fails, in EXCLUSION_REASONS order (empty when eligible). The first is
 * the reason the page counts; the whole list says whether changing one of the request's own wishes
 * would be enough.
 */
export function failuresOf(candidate: CandidateFacts, request: RequestFacts): Exclusion[] {
  const failures: Exclusion[] = [];
  const standing = standingOf(candidate, request.vettedThrough);
  if (standing) failures.push({ reason: standing });
  if (request.noFaithCommunity && candidate.organisationKind === 'faith')
    failures.push({ reason: 'faith-community' });
  // "Not stated" cannot meet a hard wish: the family asked for a female (or male) adult, not a guess.
  if (request.adultGender && candidate.gender !== request.adultGender)
    failures.push({ reason: 'adult-gender' });
  const offer = candidate.offer;
  if (offer && (request.age < offer.ageMin || request.age > offer.ageMax))
    failures.push({ reason: 'age', params: { min: offer.ageMin, max: offer.ageMax } });
  if (request.windows.length > 0 && longestOverlap(request.windows, candidate.windows) <= 0)
    failures.push({ reason: 'schedule' });
  const km = distanceKm(request.point, candidate.point);
  if (km > request.maxTravelKm) failures.push({ reason: 'too-far', params: { km: Math.round(km) } });
  const capacity = capacityOf(candidate);
  if (capacity) failures.push({ reason: capacity });
  return failures;
}

/** The first hard filter the candidate fails (in EXCLUSION_REASONS order), or undefined when eligible. */
export function exclusionOf(candidate: CandidateFacts, request: RequestFacts): Exclusion | undefined {
  return failuresOf(candidate, request)[0];
}

export interface FactorExplanation {
  factor: Factor;
  /** 0..1 before weighting. */
  value: number;
  points: number;
  /** A catalog key under candidates.why and its numbers. */
  key: string;
  params: Record<string, string | number>;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number) => Math.min(1, Math.max(0, value));

function measure(
  factor: Factor,
  c: CandidateFacts,
  r: RequestFacts,
): Omit<FactorExplanation, 'points' | 'factor'> {
  switch (factor) {
    case 'network': {
      if (r.networkVolunteerId === c.volunteerId) return { value: 1, key: 'network.volunteer', params: {} };
      if (r.networkOrganisationIds.includes(c.organisationId))
        return { value: 1, key: 'network.organisation', params: {} };
      return { value: 0, key: 'network.none', params: {} };
    }
    case 'interests': {
      const own = new Set(c.interests.map((tag) => tag.toLocaleLowerCase('da-DK')));
      const shared = r.interests.filter((tag) => own.has(tag.toLocaleLowerCase('da-DK')));
      if (r.interests.length === 0) return { value: 0, key: 'interests.noneAsked', params: {} };
      const params = { shared: shared.join(', '), count: shared.length, total: r.interests.length };
      return {
        value: shared.length / r.interests.length,
        key: shared.length ? 'interests.some' : 'interests.none',
        params,
      };
    }
    case 'distance': {
      const km = distanceKm(r.point, c.point);
      return {
        value: clamp(1 - km / r.maxTravelKm),
        key: 'distance',
        params: { km: round1(km), max: r.maxTravelKm },
      };
    }
    case 'schedule': {
      const wanted = requestedMinutes(r.windows);
      if (wanted === 0) return { value: 0, key: 'schedule.noneAsked', params: {} };
      const shared = Math.min(wanted, sharedMinutes(r.windows, c.windows));
      return {
        value: shared / wanted,
        key: 'schedule.some',
        params: { minutes: shared, percent: Math.round((100 * shared) / wanted) },
      };
    }
    case 'language': {
      if (r.homeLanguages.length === 0) return { value: 0, key: 'language.noneAsked', params: {} };
      const shared = r.homeLanguages.filter((code) => c.languages.includes(code));
      return shared.length
        ? { value: 1, key: 'language.some', params: { languages: shared.join(', ') } }
        : { value: 0, key: 'language.none', params: {} };
    }
    case 'load':
      return { value: 1 / (1 + c.activeMatches), key: 'load', params: { count: c.activeMatches } };
  }
}

/** Every factor's share of the score, in a fixed order, and the total. */
export function scoreOf(candidate: CandidateFacts, request: RequestFacts, weights: Weights) {
  const factors = FACTORS.map((factor) => {
    const measured = measure(factor, candidate, request);
    return { factor, ...measured, points: round1(weights[factor] * measured.value) };
  });
  return { factors, score: round1(factors.reduce((sum, factor) => sum + factor.points, 0)) };
}
