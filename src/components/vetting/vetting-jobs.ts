import { trusted } from 'mongoose';
import { describePeople } from '../accounts/index.js';
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
    try {
      await VettingClaimModel.create({
        kind: 'consent-reminder',
        recordId: String(record.id),
        dueKey: certificate!.orderedAt!.toISOString(),
        claimedAt: now,
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) continue;
      throw error;
    }
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

export function vettingJobs(baseUrl: string): JobDefinition[] {
  return [
    {
      name: 'vetting:consent-window-reminders',
      schedule: '17 8 * * *',
      run: (context) => remindConsentWindows(context?.now ?? new Date(), baseUrl),
    },
  ];
}
