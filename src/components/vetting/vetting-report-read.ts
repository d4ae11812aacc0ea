import { trusted } from 'mongoose';
import { DeclarationModel } from './declaration-model.js';
import { VettingRecordModel } from './vetting-model.js';

/** Bounds one read whatever the data. */
const MAX_RECORDS = 200_000;

/** A person's børneattest with one organisation, as the municipality's vetting report counts it. */
export interface CertificateForReport {
  organisationId: string;
  userId: string;
  validUntil?: Date;
}

/** The certificates' validity recorded by these organisations (anonymised records are left out). */
export async function certificatesOf(organisationIds: readonly string[]): Promise<CertificateForReport[]> {
  const ids = [...new Set(organisationIds)];
  if (ids.length === 0) return [];
  const records = await VettingRecordModel.find(
    { organisationId: trusted({ $in: ids }) },
    { organisationId: 1, userId: 1, 'childCertificate.validUntil': 1, anonymisedAt: 1 },
  )
    .limit(MAX_RECORDS)
    .lean<
      Array<{
        organisationId: string;
        userId: string;
        childCertificate?: { validUntil?: Date | null } | null;
        anonymisedAt?: Date | null;
      }>
    >();
  return records
    .filter((record) => !record.anonymisedAt)
    .map((record) => ({
      organisationId: record.organisationId,
      userId: record.userId,
      validUntil: record.childCertificate?.validUntil ?? undefined,
    }));
}

/** Which of these organisations have declared for the year. */
export async function declaredFor(organisationIds: readonly string[], year: number): Promise<Set<string>> {
  const ids = [...new Set(organisationIds)];
  if (ids.length === 0) return new Set();
  const declarations = await DeclarationModel.find(
    { year, organisationId: trusted({ $in: ids }) },
    { organisationId: 1 },
  )
    .limit(ids.length)
    .lean();
  return new Set(declarations.map((declaration) => declaration.organisationId));
}
