import { trusted } from 'mongoose';
import { changeToken } from '../../shared/db/index.js';
import { VettingRecordModel } from './vetting-model.js';
import { findOrganisation } from '../organisations/index.js';
import { settingsOf } from '../municipalities/index.js';
import { isVettedThrough, minimumTrainingHours, missingSteps, type VettingStep } from './vetting-rules.js';
import {
  organisationSettings,
  toStored,
  VETTING_TOPIC,
  type OrganisationVettingSettings,
} from './vetting-service.js';

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

export interface VettedPeriod {
  userId: string;
  organisationId: string;
  /**
   * The last day the person counts as vetted by the organisation, or undefined when a step is missing now.
   * Only the certificate's validity depends on the date (isVettedThrough), so "vetted through D" is
   * exactly "vettedUntil ≥ D": one date serves every request's expected duration.
   */
  vettedUntil?: Date;
}

/**
 * The minimum training hours each organisation's vetting follows (the strictest of its municipalities):
 * one `_id` read per organisation and one settings read per municipality, in parallel, instead of
 * organisationSettings' three reads per organisation in turn (seconds for a hundred organisations on FerretDB).
 */
async function trainingHoursOf(organisationIds: readonly string[]): Promise<Map<string, number>> {
  const organisations = await Promise.all(organisationIds.map((id) => findOrganisation(id)));
  const codes = [...new Set(organisations.flatMap((organisation) => organisation?.municipalityCodes ?? []))];
  const settings = new Map(
    await Promise.all(codes.map(async (code) => [code, await settingsOf(code)] as const)),
  );
  return new Map(
    organisationIds.map((id, index) => [
      id,
      minimumTrainingHours(
        (organisations[index]?.municipalityCodes ?? []).map(
          (code) => settings.get(code)!.minimumTrainingHours,
        ),
      ),
    ]),
  );
}

/**
 * Every vetting record of these organisations as a vetted period, for matching's candidate read model,
 * with what tells later whether they still hold: the vetting change marker's token (read before the
 * records) and the minimum training hours each organisation's periods were judged by.
 */
export async function vettedPeriodsOf(
  organisationIds: readonly string[],
  now = new Date(),
): Promise<{ periods: VettedPeriod[]; readAs: VettingReadAs }> {
  const ids = [...new Set(organisationIds)];
  const token = await changeToken(VETTING_TOPIC);
  if (ids.length === 0) return { periods: [], readAs: { token, trainingHours: new Map() } };
  const [records, hours] = await Promise.all([
    VettingRecordModel.find({ organisationId: trusted({ $in: ids }) })
      .limit(500_000)
      .lean(),
    trainingHoursOf(ids),
  ]);
  const periods = records.map(toStored).map((record) => {
    const rules = { minimumTrainingHours: hours.get(record.organisationId) ?? 2 };
    return {
      userId: record.userId,
      organisationId: record.organisationId,
      vettedUntil: isVettedThrough(record.facts, rules, now)
        ? record.facts.childCertificate?.validUntil
        : undefined,
    };
  });
  return { periods, readAs: { token, trainingHours: hours } };
}

/** What periods were read under: the vetting marker's token and each organisation's training hours. */
export interface VettingReadAs {
  token: string;
  trainingHours: ReadonlyMap<string, number>;
}

/**
 * Whether periods read as `readAs` are still exact for these organisations: no vetting record was written
 * since (the marker, one `_id` read) and their minimum training hours are the same now. Then a period
 * says exactly whether the person is vetted through any later date D (vettedUntil ≥ D), as only the
 * certificate's validity depends on the date. Cheap on every engine, where reading the records again
 * decodes every vetting record on FerretDB.
 */
export async function vettingUnchangedSince(
  readAs: VettingReadAs,
  organisationIds: readonly string[],
): Promise<boolean> {
  const ids = [...new Set(organisationIds)];
  const [token, hours] = await Promise.all([changeToken(VETTING_TOPIC), trainingHoursOf(ids)]);
  return token === readAs.token && ids.every((id) => hours.get(id) === readAs.trainingHours.get(id));
}
