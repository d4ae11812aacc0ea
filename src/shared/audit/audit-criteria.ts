/**
 * What an audit entry may say about the criteria of a candidate listing or search: WHICH factors were
 * used, by name from this fixed list, never their values (the child's age, postcode, interests or
 * languages would otherwise outlive the case in the log by years).
 */
const CRITERIA_FACTORS = [
  'age',
  'distance',
  'interests',
  'languages',
  'schedule',
  'adult-gender',
  'no-faith-community',
  'network',
  'vetting-period',
] as const;

export type CriteriaFactor = (typeof CRITERIA_FACTORS)[number];

export interface AuditCriteria {
  factors: CriteriaFactor[];
}

/** The factors that were used, always in the list's order (so two entries compare as equal). */
export function criteriaOf(used: Partial<Record<CriteriaFactor, boolean>>): AuditCriteria {
  return { factors: CRITERIA_FACTORS.filter((factor) => used[factor] === true) };
}

const present = (value: unknown): boolean => {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value > 0;
  return true;
};

/**
 * Entries written before criteria were recorded by name held them by value: a candidate listing the
 * request's `age`, `postcode`, `interests`, `homeLanguages`, counts of `windows` and `network`,
 * `maxTravelKm`, `adultGender`, `noFaithCommunity` and `expectedMonths`; a search its `interest`,
 * `postcode`, `distanceKm` and `weekday`. This names the factors such a record used.
 */
export function factorsOfStoredCriteria(criteria: Record<string, unknown>): AuditCriteria {
  return criteriaOf({
    age: present(criteria.age),
    distance: present(criteria.postcode) || present(criteria.maxTravelKm) || present(criteria.distanceKm),
    interests: present(criteria.interests) || present(criteria.interest),
    languages: present(criteria.homeLanguages),
    schedule: present(criteria.windows) || present(criteria.weekday),
    'adult-gender': present(criteria.adultGender),
    'no-faith-community': present(criteria.noFaithCommunity),
    network: present(criteria.network),
    'vetting-period': present(criteria.expectedMonths),
  });
}
