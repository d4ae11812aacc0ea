/** What a social worker can record as done about a worry from a follow-up. */
export const WORRY_ACTIONS = [
  'talked-volunteer',
  'talked-family',
  'notification',
  'no-action',
  'other',
] as const;
export type WorryAction = (typeof WORRY_ACTIONS)[number];

export const WORRY_NOTE_MAX = 500;

/** A worry stays on the team's home until someone records what was done, not merely until it is read. */
export function isUnhandledWorry(followUp: { worryRaisedAt?: Date | null; worryHandledAt?: Date | null }) {
  return Boolean(followUp.worryRaisedAt) && !followUp.worryHandledAt;
}
