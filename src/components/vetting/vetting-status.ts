import { trusted } from 'mongoose';
import { VettingRecordModel } from './vetting-model.js';
import { isVettedThrough, missingSteps, type VettingStep } from './vetting-rules.js';
import { organisationSettings, toStored, type OrganisationVettingSettings } from './vetting-service.js';

export interface VettingStatus {
  userId: string;
  organisationId: string;
  /** Complete and valid through `throughDate`. */
  vetted: boolean;
  missing: VettingStep[];
  validUntil?: Date;
}

/**
 * What matching reads: each person's vetting, per organisation that vetted them (one organisation when
 * given), judged through `throughDate` (e.g. the end of the expected match period). People without a record
 * are left out: they are simply not vetted.
 */
export async function vettingStatusFor(
  userIds: readonly string[],
  organisationId?: string,
  throughDate = new Date(),
): Promise<VettingStatus[]> {
  if (userIds.length === 0) return [];
  const records = await VettingRecordModel.find({
    userId: trusted({ $in: [...new Set(userIds)] }),
    ...(organisationId ? { organisationId } : {}),
  })
    .limit(5000)
    .lean();
  const settings = new Map<string, OrganisationVettingSettings>();
  const statuses: VettingStatus[] = [];
  for (const record of records.map(toStored)) {
    if (!settings.has(record.organisationId)) {
      settings.set(record.organisationId, await organisationSettings(record.organisationId));
    }
    const rules = settings.get(record.organisationId)!;
    statuses.push({
      userId: record.userId,
      organisationId: record.organisationId,
      vetted: isVettedThrough(record.facts, rules, throughDate),
      missing: missingSteps(record.facts, rules, throughDate),
      validUntil: record.facts.childCertificate?.validUntil,
    });
  }
  return statuses;
}

export async function isVetted(userId: string, organisationId: string, throughDate: Date): Promise<boolean> {
  const [status] = await vettingStatusFor([userId], organisationId, throughDate);
  return Boolean(status?.vetted);
}
