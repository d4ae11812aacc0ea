import { recordAudit } from './audit-log.js';
import { detailsWithoutChildValues, entriesThatMayHoldChildValues } from './audit-details-rules.js';
import { AuditEventModel } from './audit-model.js';

export const CHILD_VALUES_REMOVED = 'audit.child-values-removed';

/**
 * Removes the child's values from entries written before the log recorded criteria by name (see
 * audit-details-rules). Besides retention's purge, this is the one change the log allows: it goes to the
 * collection directly, past the model's guard, touches only `details`, and records its own run in the log
 * with its counts. Safe to repeat, and on several instances at once: a cleaned entry no longer matches,
 * so a second run finds nothing, changes nothing and records nothing.
 */
export async function removeChildValuesFromAuditLog(
  now = new Date(),
): Promise<{ examined: number; cleaned: number }> {
  const counts = { examined: 0, cleaned: 0 };
  const found = AuditEventModel.collection.find(entriesThatMayHoldChildValues(), {
    projection: { action: 1, details: 1 },
  });
  for await (const entry of found) {
    counts.examined += 1;
    const details = detailsWithoutChildValues(String(entry.action), entry.details);
    if (!details) continue;
    const result = await AuditEventModel.collection.updateOne({ _id: entry._id }, { $set: { details } });
    counts.cleaned += result.modifiedCount;
  }
  if (counts.examined > 0)
    await recordAudit({
      action: CHILD_VALUES_REMOVED,
      outcome: 'success',
      actorRole: 'system',
      objectType: 'audit-log',
      purpose: 'data-minimisation',
      details: counts,
      at: now,
    });
  return counts;
}
