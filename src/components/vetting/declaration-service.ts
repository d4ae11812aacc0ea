import { trusted } from 'mongoose';
import { can, describePeople, type Actor, type RequestContext } from '../accounts/index.js';
import { findOrganisation, listJoinableOrganisations } from '../organisations/index.js';
import { findMunicipality } from '../geography/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { DeclarationModel } from './declaration-model.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';

/** The calendar year in Copenhagen (a declaration made late on 31 December UTC+1 is still for that year). */
export function currentYear(now = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(now),
  );
}

/** The end of 31 December in Copenhagen (23:59:59 CET is 22:59:59 UTC). */
function endOfYear(year: number): Date {
  return new Date(Date.UTC(year, 11, 31, 22, 59, 59, 999));
}

async function ownAssociation(actor: Actor | undefined) {
  const organisationId = actor?.organisationId;
  if (!actor || !organisationId || !can(actor, 'vetting:declare', { organisationId }))
    throw new NotFoundError();
  const organisation = await findOrganisation(organisationId);
  if (!organisation) throw new NotFoundError();
  return { organisationId, organisation };
}

export async function declarationModel(actor: Actor | undefined, now = new Date()) {
  const { organisationId, organisation } = await ownAssociation(actor);
  const year = currentYear(now);
  const declaration = await DeclarationModel.findOne({ organisationId, year }).lean();
  const people = await describePeople(declaration ? [declaration.declaredBy] : []);
  return {
    organisationName: organisation.name,
    isAssociation: organisation.kind === 'association',
    year,
    declaration: declaration && {
      declaredAt: declaration.declaredAt,
      validUntil: declaration.validUntil,
      declaredByName: people.get(declaration.declaredBy)?.name ?? '–',
    },
  };
}

/** Confirms this year's declaration; 'already' when it exists (a repeat click, or a fellow coordinator). */
export async function declare(
  actor: Actor | undefined,
  context: RequestContext,
  now = new Date(),
): Promise<'declared' | 'already' | 'not-association'> {
  const { organisationId, organisation } = await ownAssociation(actor);
  if (organisation.kind !== 'association') return 'not-association';
  const year = currentYear(now);
  try {
    await DeclarationModel.create({
      organisationId,
      year,
      declaredBy: actor!.userId,
      declaredAt: now,
      validUntil: endOfYear(year),
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return 'already';
    throw error;
  }
  await recordAudit(
    {
      action: 'vetting.declared',
      outcome: 'success',
      actorId: actor!.userId,
      actorRole: actor!.role,
      organisationId,
      objectType: 'organisation',
      objectId: organisationId,
      details: { year },
    },
    context.origin,
  );
  return 'declared';
}

/** Associations active in the administrator's own municipality, with declared yes/no for the year. */
export async function declarationsModel(actor: Actor | undefined, year: number) {
  const code = actor?.municipalityCode;
  if (!actor || !code || !can(actor, 'vetting:declarations', { municipalityCode: code }))
    throw new NotFoundError();
  const associations = (await listJoinableOrganisations({ municipalityCode: code })).filter(
    (organisation) => organisation.kind === 'association' && organisation.activeIn.includes(code),
  );
  const declarations = await DeclarationModel.find({
    year,
    organisationId: trusted({ $in: associations.map((association) => association.id) }),
  }).lean();
  const declared = new Map(declarations.map((declaration) => [declaration.organisationId, declaration]));
  const rows = associations.map((association) => ({
    name: association.name,
    declared: declared.has(association.id),
    declaredAt: declared.get(association.id)?.declaredAt,
  }));
  return {
    municipalityName: findMunicipality(code)?.name ?? code,
    year,
    years: [0, 1, 2, 3].map((back) => currentYear() - back),
    rows,
    declaredCount: rows.filter((row) => row.declared).length,
  };
}
