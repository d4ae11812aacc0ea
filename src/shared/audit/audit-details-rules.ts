import { factorsOfStoredCriteria } from './audit-criteria.js';

/** Actions whose entries carried a listing's or search's criteria (by value in entries written before). */
const CRITERIA_ACTIONS = ['candidates.list', 'candidates.compare', 'candidates.search'] as const;

/** Answers of a follow-up that entries once carried; the follow-up itself holds them until retention. */
const ANSWER_KEYS_BY_ACTION: Record<string, readonly string[]> = { 'followup.answered': ['worry'] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Criteria already recorded by name: `{ factors: [...] }` and nothing else. */
const byName = (criteria: Record<string, unknown>) =>
  Object.keys(criteria).length === 1 && Array.isArray(criteria.factors);

/**
 * An entry's details without the child's values: criteria by value become the names of the factors used,
 * and answers about the child are dropped; everything else (ids, counts, pages) stays as it was.
 * Undefined when there is nothing to clean, so applying it twice changes nothing the second time.
 */
export function detailsWithoutChildValues(
  action: string,
  details: unknown,
): Record<string, unknown> | undefined {
  if (!isRecord(details)) return undefined;
  let cleaned: Record<string, unknown> | undefined;
  const criteria = details.criteria;
  if ((CRITERIA_ACTIONS as readonly string[]).includes(action) && isRecord(criteria) && !byName(criteria))
    cleaned = { ...details, criteria: factorsOfStoredCriteria(criteria) };
  const answers = (ANSWER_KEYS_BY_ACTION[action] ?? []).filter((key) => key in details);
  if (answers.length > 0) {
    cleaned = { ...(cleaned ?? details) };
    for (const key of answers) delete cleaned[key];
  }
  return cleaned;
}

/** Which stored entries may still hold such values (what the clean-up reads; the rule above decides). */
export function entriesThatMayHoldChildValues(): Record<string, unknown> {
  return {
    $or: [
      { action: { $in: [...CRITERIA_ACTIONS] }, 'details.criteria.factors': { $exists: false } },
      ...Object.entries(ANSWER_KEYS_BY_ACTION).flatMap(([action, keys]) =>
        keys.map((key) => ({ action, [`details.${key}`]: { $exists: true } })),
      ),
    ],
  };
}
