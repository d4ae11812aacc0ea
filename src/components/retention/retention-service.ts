import { describePeople, inactiveVolunteers, removeInactiveAccount } from '../accounts/index.js';
import { purgeEndedCases } from '../requests/index.js';
import {
  listOnboardedMunicipalities,
  MUNICIPALITY_SETTING_LIMITS,
  settingsOf,
} from '../municipalities/index.js';
import { findProfile } from '../volunteers/index.js';
import { purgeAuditEntries, recordAudit } from '../../shared/audit/index.js';
import type { JobContext } from '../../shared/jobs/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { InactivityWarningModel } from './retention-model.js';
import { inactiveStep, monthsBefore } from './retention-rules.js';

async function auditRun(
  action: string,
  municipalityCode: string | undefined,
  details: Record<string, unknown>,
) {
  await recordAudit({
    action,
    outcome: 'success',
    actorRole: 'retention',
    municipalityCode,
    objectType: 'retention-run',
    purpose: 'retention',
    details,
  });
}

/**
 * Per onboarded municipality: ended cases past `closedCaseRetentionMonths` (matches, requests, bookmarks
 * and what other components listen for: follow-ups, consents) and audit entries past
 * `auditRetentionYears`; then platform audit entries past the default period. Each municipality's
 * part is one item of the run (claimed once per day), audited with its counts.
 */
export async function purgeExpiredCases(context: JobContext): Promise<number> {
  const day = context.now.toISOString().slice(0, 10);
  const municipalities = await listOnboardedMunicipalities();
  const scopes = [...municipalities.map((municipality) => municipality.code), 'platform'];
  return context.eachItem(
    scopes,
    (scope) => `${scope}:${day}`,
    async (scope) => {
      if (scope === 'platform') {
        const years = MUNICIPALITY_SETTING_LIMITS.auditRetentionYears.default;
        const auditEntries = await purgeAuditEntries(null, monthsBefore(context.now, years * 12));
        await auditRun('retention.audit-purged', undefined, { auditEntries, years });
        return;
      }
      const settings = await settingsOf(scope);
      const endedBefore = monthsBefore(context.now, settings.closedCaseRetentionMonths);
      const cases = await purgeEndedCases(scope, endedBefore);
      const auditEntries = await purgeAuditEntries(
        scope,
        monthsBefore(context.now, settings.auditRetentionYears * 12),
      );
      await auditRun('retention.cases-purged', scope, {
        ...cases,
        auditEntries,
        closedCaseRetentionMonths: settings.closedCaseRetentionMonths,
        auditRetentionYears: settings.auditRetentionYears,
      });
    },
  );
}

/**
 * Volunteers inactive past their municipality's `inactiveVolunteerRetentionMonths` (from their profile;
 * the default without one) are warned by e-mail, and removed 30 days later through the same deletion as
 * their own. The run is audited with its counts.
 */
export async function handleInactiveVolunteers(context: JobContext, baseUrl: string): Promise<number> {
  const shortest = MUNICIPALITY_SETTING_LIMITS.inactiveVolunteerRetentionMonths.min;
  const candidates = await inactiveVolunteers(monthsBefore(context.now, shortest));
  const counts = { warned: 0, removed: 0 };
  const day = context.now.toISOString().slice(0, 10);
  const done = await context.eachItem(
    candidates,
    (candidate) => `${candidate.id}:${day}`,
    async (candidate, held) => {
      const profile = await findProfile(candidate.id);
      const months = profile
        ? (await settingsOf(profile.municipalityCode)).inactiveVolunteerRetentionMonths
        : MUNICIPALITY_SETTING_LIMITS.inactiveVolunteerRetentionMonths.default;
      if (candidate.lastActiveAt >= monthsBefore(context.now, months)) return;
      const warning = await InactivityWarningModel.findById(candidate.id).lean();
      const step = inactiveStep(candidate.lastActiveAt, warning?.warnedAt, context.now);
      if (step === 'warn') {
        const person = (await describePeople([candidate.id])).get(candidate.id);
        if (person?.active) {
          await held.fenced(() =>
            enqueueMail({
              to: person.email,
              template: 'retention-warning',
              language: person.language,
              data: { name: person.name, link: `${baseUrl}/log-ind` },
              // One warning per stretch of inactivity, whichever day's run repeats it (the item is per day).
              idempotencyKey: `retention:warning|${candidate.id}|${candidate.lastActiveAt.toISOString()}`,
            }),
          );
        }
        await held.fenced(() =>
          InactivityWarningModel.updateOne(
            { _id: candidate.id },
            { $set: { warnedAt: context.now } },
            { upsert: true },
          ),
        );
        counts.warned += 1;
      } else if (step === 'remove') {
        await removeInactiveAccount(candidate.id);
        await InactivityWarningModel.deleteOne({ _id: candidate.id });
        counts.removed += 1;
      }
    },
  );
  if (counts.warned > 0) kickDelivery();
  await auditRun('retention.volunteers', undefined, { ...counts, candidates: candidates.length });
  return done;
}
