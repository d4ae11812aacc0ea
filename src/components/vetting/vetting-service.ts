// trusted(): the operators below are built from server values; sanitizeFilter would neutralise them.
import {
  announceWrite,
  isDuplicateKeyError,
  markChanged,
  retryOnConflict,
  upsertThroughModel,
  writeNextVersion,
} from '../../shared/db/index.js';
import { trusted, type Types } from 'mongoose';
import { findOrganisation } from '../organisations/index.js';
import { settingsOf } from '../municipalities/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { recordAudit, writeVersionAudited, type AuditInput } from '../../shared/audit/index.js';
import type { RequestContext } from '../accounts/index.js';
import { VettingPolicyModel, VettingRecordModel } from './vetting-model.js';
import {
  minimumTrainingHours,
  validityMonths,
  type ChildCertificate,
  type VettingFacts,
  type VettingSettings,
} from './vetting-rules.js';

/** Announced after local writes to vetting records (matching's candidate read model listens). */
export const VETTING_TOPIC = 'vetting';

/**
 * After every write to vetting records: this instance's read models hear of it at once, and the topic's
 * change marker moves for every instance, so a reader holding periods read before can tell they may have
 * changed (see vettingUnchangedSince).
 */
async function vettingWritten(): Promise<void> {
  try {
    await markChanged(VETTING_TOPIC);
  } finally {
    // After the marker, so the reload this starts reads the new token with the new records.
    announceWrite(VETTING_TOPIC);
  }
}

/** What one organisation's vetting follows: its municipalities' settings, shortened by its own choice. */
export interface OrganisationVettingSettings extends VettingSettings {
  validityMonths: number;
  municipalityMonths: number;
  organisationMonths?: number;
}

export async function organisationSettings(organisationId: string): Promise<OrganisationVettingSettings> {
  const organisation = await findOrganisation(organisationId);
  const settings = await Promise.all((organisation?.municipalityCodes ?? []).map((code) => settingsOf(code)));
  const policy = await VettingPolicyModel.findOne({ organisationId }).lean();
  const municipalityMonths = validityMonths(settings.map((s) => s.vettingValidityMonths));
  return {
    municipalityMonths,
    organisationMonths: policy?.validityMonths ?? undefined,
    validityMonths: validityMonths([municipalityMonths], policy?.validityMonths ?? undefined),
    minimumTrainingHours: minimumTrainingHours(settings.map((s) => s.minimumTrainingHours)),
  };
}

export interface StoredRecord {
  id: Types.ObjectId;
  organisationId: string;
  userId: string;
  updatedAt: Date;
  /** The version read; a write claims the next one (see claimNextVersion). */
  writeVersion: number;
  facts: VettingFacts;
}

type Lean = NonNullable<Awaited<ReturnType<typeof leanRecord>>>;
function leanRecord(filter: Record<string, unknown>) {
  return VettingRecordModel.findOne(filter).lean();
}

/** Drops null/undefined so that optional facts stay absent (and $set never writes a null). */
function defined<T extends object>(value: T | null | undefined): T | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export function toStored(record: Lean): StoredRecord {
  return {
    id: record._id,
    organisationId: record.organisationId,
    userId: record.userId,
    updatedAt: record.updatedAt,
    writeVersion: record.writeVersion ?? 0,
    facts: {
      childCertificate: defined(record.childCertificate as ChildCertificate | null | undefined) ?? {},
      interview: defined(record.interview as VettingFacts['interview'] | null),
      references: (record.references ?? []).map((reference) => ({ ...reference })),
      training: defined(record.training as VettingFacts['training'] | null),
    },
  };
}

export async function readRecord(organisationId: string, userId: string): Promise<StoredRecord | undefined> {
  const record = await leanRecord({ organisationId, userId });
  return record ? toStored(record) : undefined;
}

export async function readRecordsOf(organisationId: string, userIds: readonly string[]) {
  const records = await VettingRecordModel.find({ organisationId, userId: trusted({ $in: [...userIds] }) })
    .limit(2000)
    .lean();
  return new Map(records.map((record) => [record.userId, toStored(record)]));
}

/**
 * Writes the whole record, but only if nobody changed it since `read`: the write first claims the next
 * version with a unique insert (an updatedAt guard is not enough on FerretDB, whose updates do not lock),
 * so two coordinators recording at once get one success and one ConflictError, never a silently lost
 * step. No record yet: the unique (organisationId, userId) key lets only one first write in.
 */
export async function saveRecord(
  organisationId: string,
  userId: string,
  read: StoredRecord | undefined,
  facts: VettingFacts,
  audit: { event: AuditInput; origin?: RequestContext['origin'] },
): Promise<void> {
  const fields = {
    childCertificate: defined(facts.childCertificate) ?? {},
    references: facts.references ?? [],
    ...(facts.interview ? { interview: defined(facts.interview) } : {}),
    ...(facts.training ? { training: defined(facts.training) } : {}),
  };
  if (!read) {
    try {
      await VettingRecordModel.create({ organisationId, userId, ...fields });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError('The record was created meanwhile');
      throw error;
    }
    await vettingWritten();
    await recordAudit(audit.event, audit.origin);
    return;
  }
  // The audit entry travels with the version claim, so a request cut off after the write still gets it.
  await writeVersionAudited(VettingRecordModel as never, String(read.id), read.writeVersion, fields, audit, {
    runValidators: true,
  });
  await vettingWritten();
}

/** The organisation's own, shorter validity (undefined: follow the municipalities). */
export async function setOrganisationValidity(
  organisationId: string,
  months: number | undefined,
  by: string,
): Promise<void> {
  if (months === undefined) {
    await VettingPolicyModel.deleteOne({ organisationId });
    return;
  }
  await VettingPolicyModel.updateOne(
    { organisationId },
    { $set: { validityMonths: months, changedBy: by } },
    { upsert: true, runValidators: true },
  );
}

/**
 * The volunteer deleted their account: keep the dated facts the municipality documents (consent, order,
 * outcome, validity, who recorded what), drop the interview note. Safe to repeat.
 */
export async function anonymiseVettingOf(userId: string): Promise<void> {
  const records = await VettingRecordModel.find(
    { userId },
    { _id: 1, writeVersion: 1, anonymisedAt: 1, interview: 1 },
  ).lean();
  for (const record of records) {
    if (record.anonymisedAt && !record.interview?.note) continue;
    // Claimed like every other write to the record, so a coordinator saving at the same moment cannot
    // put the note back; a conflict re-reads and tries again.
    await retryOnConflict(async () => {
      const current = await VettingRecordModel.findById(record._id, { writeVersion: 1, interview: 1 }).lean();
      if (!current) return;
      const interview = current.interview ? { ...current.interview, note: undefined } : undefined;
      await writeNextVersion(VettingRecordModel as never, String(record._id), current.writeVersion ?? 0, {
        ...(interview ? { interview: defined(interview) } : {}),
        anonymisedAt: record.anonymisedAt ?? new Date(),
      });
    });
  }
  if (records.length > 0) await vettingWritten();
}

/**
 * Demo and test data: puts a record in place as given. With `keep`, an existing record is left alone (so
 * seeding again changes nothing a demo user did since).
 */
export async function putVettingFacts(
  organisationId: string,
  userId: string,
  facts: VettingFacts,
  options: { keep?: boolean } = {},
): Promise<void> {
  const fields = {
    childCertificate: defined(facts.childCertificate) ?? {},
    references: facts.references ?? [],
    ...(facts.interview ? { interview: defined(facts.interview) } : {}),
    ...(facts.training ? { training: defined(facts.training) } : {}),
  };
  // Built and validated by the model, so the record has every default a recorded one has.
  await upsertThroughModel(VettingRecordModel, { organisationId, userId }, fields, {
    keepExisting: options.keep,
    onInsert: { writeVersion: 0 },
  });
  await vettingWritten();
}
