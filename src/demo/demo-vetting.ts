import { isActiveMember, moveMembership } from '../components/organisations/index.js';
import { addDays, addMonths, putVettingFacts, type VettingFacts } from '../components/vetting/index.js';

export const DEMO_VETTING_STATES = ['vetted', 'ordered-waiting', 'missing-training', 'expiring'] as const;
export type DemoVettingState = (typeof DEMO_VETTING_STATES)[number];

export interface DemoVettingEntry {
  organisationId: string;
  userId: string;
  state: DemoVettingState;
}

/** The vetting facts for a state, dated relative to `now`, recorded by `by` (a coordinator's id). */
export function demoVettingFacts(state: DemoVettingState, by: string, now = new Date()): VettingFacts {
  const outcomeAt = state === 'expiring' ? addDays(addMonths(now, -24), 30) : addDays(now, -60);
  const validUntil = addMonths(outcomeAt, 24);
  const cleared = {
    consentGivenAt: addDays(outcomeAt, -12),
    orderedAt: addDays(outcomeAt, -11),
    orderedBy: by,
    outcome: 'clear' as const,
    outcomeAt,
    outcomeBy: by,
    validUntil,
    renewalDueAt: addDays(validUntil, -60),
  };
  const waiting = { consentGivenAt: addDays(now, -10), orderedAt: addDays(now, -9), orderedBy: by };
  return {
    childCertificate: state === 'ordered-waiting' ? waiting : cleared,
    interview: {
      heldOn: addDays(now, -70),
      interviewer: 'Koordinatoren',
      outcome: 'suitable',
      recordedBy: by,
      recordedAt: addDays(now, -70),
    },
    references: [1, 2].map((slot) => ({ slot, checked: true, checkedBy: by, checkedAt: addDays(now, -65) })),
    training:
      state === 'missing-training'
        ? undefined
        : { hours: 3, completedOn: addDays(now, -50), recordedBy: by, recordedAt: addDays(now, -50) },
  };
}

/**
 * Puts demo volunteers in different vetting states, each as an active member of the organisation. Running it
 * again changes nothing: memberships and records that exist are left as they are.
 */
export async function seedDemoVetting(
  entries: readonly DemoVettingEntry[],
  recordedBy: string,
): Promise<void> {
  for (const entry of entries) {
    if (!(await isActiveMember(entry.organisationId, entry.userId))) {
      await moveMembership(entry.organisationId, entry.userId, 'active', recordedBy);
    }
    await putVettingFacts(entry.organisationId, entry.userId, demoVettingFacts(entry.state, recordedBy), {
      keep: true,
    });
  }
}
