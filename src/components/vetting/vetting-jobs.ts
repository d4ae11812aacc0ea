import { trusted } from 'mongoose';
import { coordinatorsOf, describePeople } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import type { JobDefinition } from '../../shared/jobs/index.js';
import { enqueueMail } from '../../shared/mail/index.js';
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

/**
 * Claims one notice about one record by inserting a unique {kind, recordId, dueKey}: true for the one
 * caller (on any instance, in any run) whose insert lands, false for everyone after it.
 */
async function claimNotice(kind: string, recordId: string, dueKey: string, now: Date): Promise<boolean> {
  try {
    await VettingClaimModel.create({ kind, recordId, dueKey, claimedAt: now });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Reminds the volunteer (and the coordinator who ordered) when a børneattest order is 10 days old without an
 * outcome: the consent in Digital Post lapses after 14. Each order is claimed by inserting a unique
 * {kind, recordId, dueKey = orderedAt} document, so every instance and every later run sees a duplicate key
 * and skips it. Claim first, then enqueue: a crash between the two loses one reminder rather than sending
 * two, which is the better failure for a nudge. Returns how many orders were reminded.
 */
export async function remindConsentWindows(now: Date, baseUrl: string): Promise<number> {
  const candidates = await VettingRecordModel.find({
    'childCertificate.orderedAt': trusted({
      $lte: addDays(now, -REMINDER_AFTER_DAYS),
      $gt: addDays(now, -CONSENT_WINDOW_DAYS),
    }),
  })
    .limit(1000)
    .lean();
  let reminded = 0;
  for (const record of candidates.map(toStored)) {
    const certificate = record.facts.childCertificate;
    if (!isDueReminder(certificate, now)) continue;
    const dueKey = certificate!.orderedAt!.toISOString();
    if (!(await claimNotice('consent-reminder', String(record.id), dueKey, now))) continue;
    const organisation = await findOrganisation(record.organisationId);
    const people = await describePeople([record.userId, certificate!.orderedBy ?? '']);
    const volunteer = people.get(record.userId);
    const daysLeft = String(consentWindowDaysLeft(certificate, now) ?? 0);
    const common = { organisationName: organisation?.name ?? '', daysLeft };
    if (volunteer?.active) {
      await enqueueMail({
        to: volunteer.email,
        template: 'vetting-consent-reminder',
        language: volunteer.language,
        data: { ...common, name: volunteer.name, link: `${baseUrl}/frivillig/godkendelse` },
      });
    }
    const coordinator = certificate!.orderedBy ? people.get(certificate!.orderedBy) : undefined;
    if (coordinator?.active) {
      await enqueueMail({
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
    reminded += 1;
  }
  return reminded;
}

/** Days before a børneattest's validity ends that the volunteer and the coordinators are told, once each. */
export const EXPIRY_NOTICE_DAYS = [60, 14] as const;

/**
 * Tells the volunteer and the organisation's coordinators when a clear børneattest ends in 60 days and
 * again in 14, once each: every notice is claimed by a unique {kind, recordId, dueKey = validUntil}, so
 * a renewed certificate (a new validUntil) is noticed afresh. Once it has ended, matching no longer finds
 * the volunteer (the validity is part of being vetted) and their live matches are flagged to the social
 * worker by the follow-up clocks. Returns how many notices were sent.
 */
export async function remindExpiringVetting(now: Date, baseUrl: string): Promise<number> {
  const soon = await VettingRecordModel.find({
    'childCertificate.validUntil': trusted({ $gt: now, $lte: addDays(now, EXPIRY_NOTICE_DAYS[0]) }),
  })
    .limit(5000)
    .lean();
  let noticed = 0;
  for (const record of soon.map(toStored)) {
    const validUntil = record.facts.childCertificate!.validUntil!;
    const daysLeft = Math.ceil((validUntil.getTime() - now.getTime()) / 86_400_000);
    const notice = daysLeft <= EXPIRY_NOTICE_DAYS[1] ? EXPIRY_NOTICE_DAYS[1] : EXPIRY_NOTICE_DAYS[0];
    const dueKey = validUntil.toISOString();
    if (!(await claimNotice(`expiry-${notice}`, String(record.id), dueKey, now))) continue;
    const organisation = await findOrganisation(record.organisationId);
    const volunteer = (await describePeople([record.userId])).get(record.userId);
    const common = { organisationName: organisation?.name ?? '', daysLeft: String(daysLeft) };
    if (volunteer?.active) {
      await enqueueMail({
        to: volunteer.email,
        template: 'vetting-expiry-reminder',
        language: volunteer.language,
        data: { ...common, name: volunteer.name, link: `${baseUrl}/frivillig/godkendelse` },
      });
    }
    for (const coordinator of await coordinatorsOf(record.organisationId)) {
      await enqueueMail({
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
    noticed += 1;
  }
  return noticed;
}

export function vettingJobs(baseUrl: string): JobDefinition[] {
  return [
    {
      name: 'vetting:consent-window-reminders',
      schedule: '17 8 * * *',
      run: (context) => remindConsentWindows(context?.now ?? new Date(), baseUrl),
    },
    {
      name: 'vetting:expiry-reminders',
      schedule: '27 8 * * *',
      run: (context) => remindExpiringVetting(context?.now ?? new Date(), baseUrl),
    },
  ];
}
