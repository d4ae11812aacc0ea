/**
 * A social worker's request for an adult for one child, as pure rules: the pseudonymous case reference,
 * the child's age, the steps of the indsatstrappe, and who may change a request. No database here.
 */
export const REQUEST_STATUSES = ['open', 'matched', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The indsatstrappe, from the universal offer at the bottom to placement outside the home at the top. */
export const PREVENTS_STEPS = [
  'universal',
  'early-prevention',
  'family-support',
  'support-person',
  'placement-in-network',
  'placement',
] as const;
export type PreventsStep = (typeof PREVENTS_STEPS)[number];

/** Recorded only when it matters to the family's wishes (hence optional in the form). */
export const CHILD_GENDERS = ['girl', 'boy', 'other'] as const;
export const ADULT_GENDERS = ['female', 'male'] as const;

export const CASE_REF_MAX = 40;
export const EXPECTED_MONTHS = { min: 3, max: 24, default: 12 } as const;
export const MAX_TRAVEL_KM = 100;
export const NEEDS_TEXT_MAX = 2000;
/** The Swedish-inspired model keeps a caseload at 15–20; above this the caseload page says so, gently. */
export const CASELOAD_GENTLE_LIMIT = 20;
/** Children from newborn to 17: a request is for a child. */
const MAX_CHILD_AGE = 17;

// Six digits (a date), an optional hyphen or space, four digits, anywhere in the text: a CPR number in
// any of the ways people type one. A case number that happens to look like one is refused too: cheaper
// than a CPR number in a system that promises never to hold one.
const CPR_LIKE = /(^|\D)\d{6}[-\s]?\d{4}(\D|$)/;

export function looksLikeCpr(value: string): boolean {
  return CPR_LIKE.test(value);
}

// Two or more words of letters only, each capitalised ("Emma Jensen"): a name, not a case number.
const NAME_LIKE = /^\p{Lu}\p{Ll}+(\s+\p{Lu}\p{Ll}+)+$/u;

/** What the case reference may not be: a CPR number, or something that reads like a person's name. */
export function caseRefProblem(value: string): 'cpr' | 'name' | undefined {
  if (looksLikeCpr(value)) return 'cpr';
  if (NAME_LIKE.test(value.trim())) return 'name';
  return undefined;
}

/** Whole years of age on `now`, from birth year and month (1–12); the birthday counts from its month. */
export function ageFrom(birthYear: number, birthMonth: number, now: Date): number {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return year - birthYear - (month < birthMonth ? 1 : 0);
}

/** A plausible birth for a child today: not in the future, and at most MAX_CHILD_AGE years ago. */
export function isChildBirth(birthYear: number, birthMonth: number, now: Date): boolean {
  if (!Number.isInteger(birthYear) || !Number.isInteger(birthMonth)) return false;
  if (birthMonth < 1 || birthMonth > 12) return false;
  const age = ageFrom(birthYear, birthMonth, now);
  const born = birthYear * 12 + birthMonth <= now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  return born && age >= 0 && age <= MAX_CHILD_AGE;
}

export interface RequestAuthority {
  actorId: string;
  responsibleId: string;
  /** Whether the responsible worker still has an active social-worker grant in the municipality. */
  responsibleActive: boolean;
}

/**
 * Who may change a request: its responsible social worker. Colleagues in the same municipality read it
 * (the team) but do not change it; when the responsible worker has left (no active grant), a colleague
 * may take it over by transfer, so no child's request is stranded. Municipal administrators do no
 * casework and see no requests.
 */
export function mayChangeRequest(
  authority: RequestAuthority,
  change: 'edit' | 'transfer' | 'close',
): boolean {
  if (authority.actorId === authority.responsibleId) return true;
  return change === 'transfer' && !authority.responsibleActive;
}
