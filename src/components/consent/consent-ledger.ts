import { randomUUID } from 'node:crypto';
import { trusted } from 'mongoose';
import { announceWrite, isDuplicateKeyError } from '../../shared/db/index.js';
import { ConsentVersionModel, type ConsentVersion } from './consent-model.js';
import type { ConsentState, Consenter, Custody } from './consent-rules.js';

export type StoredVersion = ConsentVersion & { _id: unknown };

/** The topic every write to the ledger announces on this instance, scoped to its municipality. */
export const CONSENT_TOPIC = 'consent';

/** Called after every write to the ledger: this instance's read models of it read again. */
export function announceConsentWrite(municipalityCode?: string): void {
  announceWrite(CONSENT_TOPIC, municipalityCode);
}

/** Every version of the match's consents, oldest first: the ledger's history. */
export function versionsOf(matchIds: string[]): Promise<StoredVersion[]> {
  if (matchIds.length === 0) return Promise.resolve([]);
  return ConsentVersionModel.find({ matchId: trusted({ $in: [...new Set(matchIds)] }) })
    .sort({ recordedAt: 1, version: 1 })
    .limit(5000)
    .lean<StoredVersion[]>();
}

/** The latest version of each consent. */
export function latestOf(versions: StoredVersion[]): StoredVersion[] {
  const latest = new Map<string, StoredVersion>();
  for (const version of versions) {
    const seen = latest.get(version.consentId);
    if (!seen || seen.version < version.version) latest.set(version.consentId, version);
  }
  return [...latest.values()];
}

export function stateOf(version: StoredVersion): ConsentState {
  return {
    consentId: version.consentId,
    consenter: version.consenter as Consenter,
    initials: version.initials,
    custody: (version.custody as Custody | undefined) ?? null,
    purposes: version.purposes,
    recipients: version.recipients,
    fields: version.fields,
    validUntil: version.validUntil,
    withdrawnAt: version.withdrawal?.at ?? null,
  };
}

/** Current consents per match id (missing ids map to none). */
export async function currentByMatch(matchIds: string[]): Promise<Map<string, ConsentState[]>> {
  const byMatch = new Map<string, ConsentState[]>(matchIds.map((id) => [id, []]));
  for (const version of latestOf(await versionsOf(matchIds)))
    byMatch.get(version.matchId)?.push(stateOf(version));
  return byMatch;
}

export type NewConsent = Omit<ConsentVersion, 'consentId' | 'version' | 'withdrawal'>;

/** A new consent: version 1 under a fresh id. */
export async function appendFirst(consent: NewConsent): Promise<string> {
  const consentId = randomUUID();
  await ConsentVersionModel.create({ ...consent, consentId, version: 1 });
  announceConsentWrite(consent.municipalityCode);
  return consentId;
}

/**
 * Appends the withdrawal as the next version of the consent. The unique (consentId, version) decides
 * between two people withdrawing at once: the loser re-reads and finds it already withdrawn.
 * Resolves to the new version, or undefined when it had already ended.
 */
export async function appendWithdrawal(
  consentId: string,
  withdrawal: { at: Date; by: string; how: string; reason?: string },
): Promise<StoredVersion | undefined> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const latest = await ConsentVersionModel.findOne({ consentId })
      .sort({ version: -1 })
      .lean<StoredVersion>();
    if (!latest || latest.withdrawal) return undefined;
    const { _id, ...rest } = latest;
    void _id;
    try {
      const created = await ConsentVersionModel.create({
        ...rest,
        version: latest.version + 1,
        withdrawal: Object.fromEntries(Object.entries(withdrawal).filter(([, value]) => value)),
      });
      announceConsentWrite(latest.municipalityCode);
      return created.toObject() as StoredVersion;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return undefined;
}

/** Whether anything was ever recorded for the match (demo seeding runs once per match). */
export async function hasConsentRecords(matchId: string): Promise<boolean> {
  return (await ConsentVersionModel.countDocuments({ matchId })) > 0;
}

/** Per match: how many consents are in force and how many have ended (the request page's summary). */
export async function consentCounts(
  matchIds: string[],
  now = new Date(),
): Promise<Map<string, { inForce: number; ended: number }>> {
  const counts = new Map(matchIds.map((id) => [id, { inForce: 0, ended: 0 }]));
  for (const version of latestOf(await versionsOf(matchIds))) {
    const count = counts.get(version.matchId);
    if (!count) continue;
    if (!version.withdrawal && version.validUntil.getTime() > now.getTime()) count.inForce += 1;
    else count.ended += 1;
  }
  return counts;
}

/**
 * Per match: the latest version of each consent as the gate reads it, with the way a withdrawn one
 * ended ("expired" when it ran out), so a page can tell "withdrawn" from "not yet given".
 */
export async function consentFactsByMatch(
  matchIds: string[],
): Promise<Map<string, Array<ConsentState & { withdrawalHow?: string }>>> {
  const byMatch = new Map<string, Array<ConsentState & { withdrawalHow?: string }>>(
    matchIds.map((id) => [id, []]),
  );
  for (const version of latestOf(await versionsOf(matchIds)))
    byMatch.get(version.matchId)?.push({
      ...stateOf(version),
      ...(version.withdrawal?.how ? { withdrawalHow: version.withdrawal.how } : {}),
    });
  return byMatch;
}
