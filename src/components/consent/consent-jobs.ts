import { trusted } from 'mongoose';
import { describePeople } from '../accounts/index.js';
import { recordAudit, stripAuditDetailsOf } from '../../shared/audit/index.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import type { JobContext, JobDefinition } from '../../shared/jobs/index.js';
import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';
import { announceConsentWrite, latestOf, stateOf, type StoredVersion } from './consent-ledger.js';
import {
  ConsentAcknowledgementModel,
  ConsentClaimModel,
  ConsentLinkModel,
  ConsentVersionModel,
} from './consent-model.js';
import { matchById } from './consent-ports.js';
import { isDueReminder, REMIND_DAYS_BEFORE } from './consent-rules.js';
import { endConsent } from './consent-service.js';

const DAY = 86_400_000;

/** Current versions of consents whose valid-until falls before `until` and that have not been withdrawn. */
async function consentsEndingBefore(until: Date): Promise<StoredVersion[]> {
  const versions = await ConsentVersionModel.find({ validUntil: trusted({ $lte: until }) })
    .limit(5000)
    .lean<StoredVersion[]>();
  // A withdrawn consent's latest version carries the withdrawal; reading its siblings finds it.
  const ids = [...new Set(versions.map((version) => version.consentId))];
  const all = await ConsentVersionModel.find({ consentId: trusted({ $in: ids }) }).lean<StoredVersion[]>();
  return latestOf(all).filter((version) => !version.withdrawal);
}

/**
 * A valid-until date that has passed acts as a withdrawal: the consent gets its ended version and the
 * match reacts as it would to the family withdrawing. Safe to repeat: a consent already ended is skipped,
 * and the unique (consentId, version) lets only one instance append. Returns how many ended.
 */
export async function expireLapsedConsents(now: Date, baseUrl: string): Promise<number> {
  let expired = 0;
  for (const version of await consentsEndingBefore(now)) {
    const match = await matchById(version.matchId);
    const subject = match ?? version;
    if (await endConsent(subject, version.consentId, { by: 'expiry', how: 'expired' }, baseUrl)) {
      expired += 1;
      await recordAudit({
        action: 'consent.expire',
        outcome: 'success',
        municipalityCode: version.municipalityCode,
        objectType: 'consent',
        objectId: version.consentId,
        purpose: 'consent',
        details: { matchId: version.matchId },
      });
    }
  }
  return expired;
}

const REMINDER = 'expiry-reminder';

/** The consents whose expiry reminder is done (recorded after its mail was queued, by any instance). */
async function remindedConsents(consentIds: string[]): Promise<Set<string>> {
  const done = await ConsentClaimModel.find(
    { kind: REMINDER, consentId: trusted({ $in: consentIds }) },
    { consentId: 1 },
  ).lean();
  return new Set(done.map((claim) => claim.consentId));
}

/** Records the reminder as done; a second record (a repeat after a takeover) is already there. */
async function markReminded(consentId: string, now: Date): Promise<void> {
  try {
    await ConsentClaimModel.create({ kind: REMINDER, consentId, claimedAt: now });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Tells the responsible social worker once, 30 days before a consent runs out, so it can be renewed.
 * Each consent is a job item: claimed with a lease, the mail queued under the item's idempotency key,
 * and only then recorded as reminded. An instance that dies in between leaves the item to be taken over
 * once its lease runs out, and the key makes a mail queued twice a refused duplicate: sent exactly once.
 */
async function remindExpiringConsents(context: JobContext, baseUrl: string): Promise<number> {
  const { now } = context;
  const ending = await consentsEndingBefore(new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY));
  const due = ending.filter((version) => isDueReminder(stateOf(version), now));
  const reminded = await remindedConsents(due.map((version) => version.consentId));
  const done = await context.eachItem(
    due.filter((version) => !reminded.has(version.consentId)),
    (version) => `${version.consentId}|${version.validUntil.toISOString()}`,
    async (version, held) => {
      const match = await matchById(version.matchId);
      const worker = match
        ? (await describePeople([match.responsibleId])).get(match.responsibleId)
        : undefined;
      if (match && worker?.active) {
        await held.fenced(() =>
          enqueueMail({
            to: worker.email,
            template: 'consent-expiring',
            aboutMatchId: match.matchId,
            language: worker.language,
            data: {
              name: worker.name,
              childAlias: match.childAlias,
              validUntil: version.validUntil.toISOString().slice(0, 10),
              link: `${baseUrl}/sager/${match.requestId}/match/${match.matchId}/samtykke`,
            },
            idempotencyKey: held.effectKey(`consent-expiring|${worker.id}`),
          }),
        );
      }
      await held.fenced(() => markReminded(version.consentId, now));
    },
  );
  if (done > 0) kickDelivery();
  return done;
}

/**
 * Retention: the consents of children's cases that go, given the requests that go entirely and the ended
 * matches that go (their request may live on): ledger versions, links, claims, acknowledgements, and the
 * details of their audit entries. Returns how many ledger versions it deleted.
 */
export async function deleteConsentsOfRequests(
  requestIds: string[],
  matchIds: string[] = [],
): Promise<number> {
  if (requestIds.length === 0 && matchIds.length === 0) return 0;
  const ofCases = {
    $or: [{ requestId: trusted({ $in: requestIds }) }, { matchId: trusted({ $in: matchIds }) }],
  };
  const versions = await ConsentVersionModel.find(ofCases, { consentId: 1, matchId: 1 }).lean();
  const consentIds = [...new Set(versions.map((version) => version.consentId))];
  // Consent entries are about a consent, or about the match before one existed.
  const audited = [...consentIds, ...new Set(versions.map((version) => version.matchId)), ...matchIds];
  await stripAuditDetailsOf({ objectType: 'consent', objectIds: audited });
  await ConsentLinkModel.deleteMany({ consentId: trusted({ $in: consentIds }) });
  await ConsentClaimModel.deleteMany({ consentId: trusted({ $in: consentIds }) });
  await ConsentAcknowledgementModel.deleteMany(ofCases);
  const deleted = await ConsentVersionModel.deleteMany(ofCases);
  if (deleted.deletedCount > 0) announceConsentWrite();
  return deleted.deletedCount;
}

/** The consent jobs; `baseUrl` is where the links in their e-mails start. */
export const consentJobs = (baseUrl: string): JobDefinition[] => [
  {
    name: 'consent:expire-lapsed',
    schedule: '7 1 * * *',
    run: async () => {
      await expireLapsedConsents(new Date(), baseUrl);
    },
  },
  {
    name: 'consent:remind-expiring',
    schedule: '17 8 * * *',
    // Every instance works the reminders (shared through item claims), so a stalled one holds up none.
    everyInstance: true,
    run: (context) => {
      if (!context) throw new Error('consent:remind-expiring runs through the job runner');
      return remindExpiringConsents(context, baseUrl);
    },
  },
];
