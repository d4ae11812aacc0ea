import { trusted } from 'mongoose';
import { coordinatorsOf, describePeople } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import type { JobContext, JobDefinition } from '../../shared/jobs/index.js';
import { enqueueMail, kickDelivery, type EnqueueMailInput } from '../../shared/mail/index.js';
import { VettingClaimModel, VettingRecordModel } from './vetting-model.js';
import {
  addDays,
  consentWindowDaysLeft,
  CONSENT_WINDOW_DAYS,
  isDueReminder,
  REMINDER_AFTER_DAYS,
} from './vetting-rules.js';
import { toStored } from './vetting-service.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

/** A notice about one record, due once: its kind and what it is due for (the order, the validity end). */
interface Notice {
  kind: string;
  recordId: string;
  dueKey: string;
}

const noticeKey = (notice: Notice) => `${notice.kind}|${notice.recordId}|${notice.dueKey}`;

/** The notices among `notices` already done (recorded after their mails were queued, by any instance). */
async function doneNotices(notices: Notice[]): Promise<Set<string>> {
  if (notices.length === 0) return new Set();
  const done = await VettingClaimModel.find({
    kind: trusted({ $in: [...new Set(notices.map((notice) => notice.kind))] }),
    recordId: trusted({ $in: [...new Set(notices.map((notice) => notice.recordId))] }),
  }).lean();
  return new Set(done.map(noticeKey));
}

/** Records a notice as done; a second record (a repeat after a takeover) is already there. */
async function markNoticeDone(notice: Notice, now: Date): Promise<void> {
  try {
    await VettingClaimModel.create({ ...notice, claimedAt: now });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Each due notice is one job item: claimed with a lease, its mails queued under the item's idempotency
 * keys (`send`), and only then recorded as done. An instance that dies in between leaves the item to be
 * taken over once its lease runs out, and a mail queued twice is a refused duplicate: sent exactly once.
 * Notices recorded as done (by a unique {kind, recordId, dueKey}) are not items any more.
 */
async function sendNotices<T extends { notice: Notice }>(
  context: JobContext,
  due: T[],
  send: (entry: T, mail: (recipientId: string, input: EnqueueMailInput) => Promise<unknown>) => Promise<void>,
): Promise<number> {
  const done = await doneNotices(due.map((entry) => entry.notice));
  const sent = await context.eachItem(
    due.filter((entry) => !done.has(noticeKey(entry.notice))),
    (entry) => noticeKey(entry.notice),
    async (entry, held) => {
      await send(entry, (recipientId, input) =>
        held.fenced(() =>
          enqueueMail({ ...input, idempotencyKey: held.effectKey(`${input.template}|${recipientId}`) }),
        ),
      );
      await held.fenced(() => markNoticeDone(entry.notice, context.now));
    },
  );
  if (sent > 0) kickDelivery();
  return sent;
}

/**
 * Reminds the volunteer (and the coordinator who ordered) when a børneattest order is 10 days old without an
 * outcome: the consent in Digital Post lapses after 14. One notice per order (dueKey = orderedAt), sent
 * once at least and at most (see sendNotices). Returns how many orders were reminded.
 */
async function remindConsentWindows(context: JobContext, baseUrl: string): Promise<number> {
  const { now } = context;
  const candidates = await VettingRecordModel.find({
    'childCertificate.orderedAt': trusted({
      $lte: addDays(now, -REMINDER_AFTER_DAYS),
      $gt: addDays(now, -CONSENT_WINDOW_DAYS),
    }),
  })
    .limit(1000)
    .lean();
  const due = candidates
    .map(toStored)
    .filter((record) => isDueReminder(record.facts.childCertificate, now))
    .map((record) => ({
      record,
      notice: {
        kind: 'consent-reminder',
        recordId: String(record.id),
        dueKey: record.facts.childCertificate!.orderedAt!.toISOString(),
      },
    }));
  return sendNotices(context, due, async ({ record }, mail) => {
    const certificate = record.facts.childCertificate!;
    const organisation = await findOrganisation(record.organisationId);
    const people = await describePeople([record.userId, certificate.orderedBy ?? '']);
    const volunteer = people.get(record.userId);
    const daysLeft = String(consentWindowDaysLeft(certificate, now) ?? 0);
    const common = { organisationName: organisation?.name ?? '', daysLeft };
    if (volunteer?.active) {
      await mail(volunteer.id, {
        to: volunteer.email,
        template: 'vetting-consent-reminder',
        language: volunteer.language,
        data: { ...common, name: volunteer.name, link: `${baseUrl}/frivillig/godkendelse` },
      });
    }
    const coordinator = certificate.orderedBy ? people.get(certificate.orderedBy) : undefined;
    if (coordinator?.active) {
      await mail(coordinator.id, {
        to: coordinator.email,
        template: 'vetting-order-reminder',
        language: coordinator.language,
        data: {
          ...common,
          name: coordinator.name,
          volunteerName: volunteer?.name ?? '–',
          link: `${baseUrl}/forening/godkendelse/${record.userId}`,
        },
      });
    }
  });
}

/** Days before a børneattest's validity ends that the volunteer and the coordinators are told, once each. */
const EXPIRY_NOTICE_DAYS = [60, 14] as const;

/**
 * Tells the volunteer and the organisation's coordinators when a clear børneattest ends in 60 days and
 * again in 14, once each: one notice per {kind, record, dueKey = validUntil}, so a renewed certificate
 * (a new validUntil) is noticed afresh; each is sent once at least and at most (see sendNotices). Once
 * it has ended, matching no longer finds the volunteer (the validity is part of being vetted) and their
 * live matches are flagged to the social worker by the follow-up clocks. Returns how many notices were sent.
 */
async function remindExpiringVetting(context: JobContext, baseUrl: string): Promise<number> {
  const { now } = context;
  const soon = await VettingRecordModel.find({
    'childCertificate.validUntil': trusted({ $gt: now, $lte: addDays(now, EXPIRY_NOTICE_DAYS[0]) }),
  })
    .limit(5000)
    .lean();
  const due = soon.map(toStored).map((record) => {
    const validUntil = record.facts.childCertificate!.validUntil!;
    const daysLeft = Math.ceil((validUntil.getTime() - now.getTime()) / 86_400_000);
    const notice = daysLeft <= EXPIRY_NOTICE_DAYS[1] ? EXPIRY_NOTICE_DAYS[1] : EXPIRY_NOTICE_DAYS[0];
    return {
      record,
      daysLeft,
      notice: { kind: `expiry-${notice}`, recordId: String(record.id), dueKey: validUntil.toISOString() },
    };
  });
  return sendNotices(context, due, async ({ record, daysLeft }, mail) => {
    const organisation = await findOrganisation(record.organisationId);
    const volunteer = (await describePeople([record.userId])).get(record.userId);
    const common = { organisationName: organisation?.name ?? '', daysLeft: String(daysLeft) };
    if (volunteer?.active) {
      await mail(volunteer.id, {
        to: volunteer.email,
        template: 'vetting-expiry-reminder',
        language: volunteer.language,
        data: { ...common, name: volunteer.name, link: `${baseUrl}/frivillig/godkendelse` },
      });
    }
    for (const coordinator of await coordinatorsOf(record.organisationId)) {
      await mail(coordinator.id, {
        to: coordinator.email,
        template: 'vetting-expiry-coordinator',
        language: coordinator.language,
        data: {
          ...common,
          name: coordinator.name,
          volunteerName: volunteer?.name ?? '–',
          link: `${baseUrl}/forening/godkendelse/${record.userId}`,
        },
      });
    }
  });
}

const withContext =
  (work: (context: JobContext) => Promise<number>) =>
  (context?: JobContext): Promise<number> => {
    if (!context) throw new Error('vetting reminders run through the job runner');
    return work(context);
  };

export function vettingJobs(baseUrl: string): JobDefinition[] {
  return [
    {
      name: 'vetting:consent-window-reminders',
      schedule: '17 8 * * *',
      // Every instance works the notices (shared through item claims), so a stalled one holds up none.
      everyInstance: true,
      run: withContext((context) => remindConsentWindows(context, baseUrl)),
    },
    {
      name: 'vetting:expiry-reminders',
      schedule: '27 8 * * *',
      everyInstance: true,
      run: withContext((context) => remindExpiringVetting(context, baseUrl)),
    },
  ];
}
