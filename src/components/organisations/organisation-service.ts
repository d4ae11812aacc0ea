import { announceWrite, upsertThroughModel } from '../../shared/db/index.js';
import { ORGANISATIONS_TOPIC } from './organisation-matching-read.js';
import { trusted } from 'mongoose';
import { grantRole, can, type Actor, type RequestContext } from '../accounts/index.js';
import { recordAudit, writeVersionAudited } from '../../shared/audit/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { moveMembership } from './membership-service.js';
import { OrganisationModel, type Organisation } from './organisation-model.js';
import {
  activeIn,
  decide,
  overallStatus,
  type Approval,
  type ApprovalDecision,
} from './organisation-rules.js';

export type OrganisationInput = Pick<
  Organisation,
  'name' | 'kind' | 'description' | 'postcode' | 'municipalityCodes'
> & {
  status: 'approved' | 'pending';
};

/** Demo and test data: creates or updates an organisation with the same decision in every municipality. */
export async function upsertOrganisation(input: OrganisationInput): Promise<string> {
  const approvals: Approval[] = input.municipalityCodes.map((municipalityCode) => ({
    municipalityCode,
    decision: input.status,
  }));
  // Built and validated by the model (every default, e.g. the write version guarded writes rely on).
  const id = await upsertThroughModel(
    OrganisationModel,
    { name: input.name, municipalityCodes: input.municipalityCodes[0] },
    { ...input, approvals, status: overallStatus(approvals), activeIn: activeIn(approvals) },
    { onInsert: { writeVersion: 0 } },
  );
  for (const code of input.municipalityCodes) announceWrite(ORGANISATIONS_TOPIC, code);
  return id;
}

export async function findOrganisation(id: string | undefined) {
  if (!id || !/^[0-9a-f]{24}$/.test(id)) return undefined;
  return (await OrganisationModel.findById(id).lean()) ?? undefined;
}

/**
 * Name, kind and where approved, for many organisations in one `$in` query (lists show a page of
 * offers without a query per row). Unknown or malformed ids are left out.
 */
export async function describeOrganisations(ids: readonly string[]) {
  const valid = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  if (valid.length === 0) return new Map<string, { name: string; kind: string; activeIn: string[] }>();
  const found = await OrganisationModel.find(
    { _id: trusted({ $in: valid }) },
    { name: 1, kind: 1, activeIn: 1 },
  ).lean();
  return new Map(
    found.map((o) => [String(o._id), { name: o.name, kind: o.kind as string, activeIn: o.activeIn }]),
  );
}

export interface RegistrationInput {
  name: string;
  kind: Organisation['kind'];
  description: string;
  address?: string;
  postcode: string;
  municipalityCodes: string[];
  cvr?: string;
  contactEmail?: string;
  contactPhone?: string;
}

/**
 * A person registers their organisation: it waits for each municipality it works in, and the person
 * becomes its coordinator at once (so they can prepare members and offers while waiting).
 */
export async function registerOrganisation(
  actor: Actor,
  input: RegistrationInput,
  context: RequestContext,
): Promise<string> {
  if (!can(actor, 'organisations:register')) throw new NotFoundError();
  const approvals: Approval[] = input.municipalityCodes.map((municipalityCode) => ({
    municipalityCode,
    decision: 'pending',
  }));
  const created = await OrganisationModel.create({
    ...input,
    approvals,
    status: 'pending',
    activeIn: [],
    registeredBy: actor.userId,
  });
  const organisationId = String(created._id);
  await grantRole(actor.userId, { role: 'coordinator', organisationId }, context);
  // The registrant belongs to what they registered (and may be the adult on its offers).
  await moveMembership(organisationId, actor.userId, 'active', actor.userId);
  await recordAudit(
    {
      action: 'organisation.registered',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      objectType: 'organisation',
      objectId: organisationId,
      details: { municipalityCodes: input.municipalityCodes },
    },
    context.origin,
  );
  return organisationId;
}

/** Organisations that work in the actor's municipality, waiting ones first; nothing from elsewhere. */
export async function listForMunicipality(actor: Actor) {
  const code = actor.municipalityCode;
  if (!code || !can(actor, 'organisations:approve', { municipalityCode: code })) throw new NotFoundError();
  const organisations = await OrganisationModel.find({ municipalityCodes: code })
    .sort({ name: 1 })
    .limit(500)
    .lean();
  const order: Record<ApprovalDecision, number> = { pending: 0, approved: 1, suspended: 2, rejected: 3 };
  return organisations
    .map((organisation) => ({
      id: String(organisation._id),
      name: organisation.name,
      kind: organisation.kind,
      postcode: organisation.postcode,
      cvr: organisation.cvr ?? undefined,
      // The version the administrator decides on: a decision posted from an older page is refused.
      writeVersion: organisation.writeVersion ?? 0,
      approval: organisation.approvals.find((approval) => approval.municipalityCode === code)!,
    }))
    .filter((organisation) => organisation.approval)
    .sort((a, b) => order[a.approval.decision] - order[b.approval.decision]);
}

/**
 * One municipality's decision. The write only lands if nobody changed the organisation since the
 * administrator's page showed it (`seenVersion`, posted by the page) and since it was read here (it claims
 * the next version with a unique insert first), so two administrators clicking at once, or one after the
 * other from pages showing the same state, end with one decision and one "try again".
 */
export async function decideOrganisation(
  actor: Actor,
  organisationId: string,
  to: ApprovalDecision,
  input: { reason?: string; seenVersion?: number },
  context: RequestContext,
): Promise<void> {
  const { reason, seenVersion } = input;
  const code = actor.municipalityCode;
  const organisation = await findOrganisation(organisationId);
  if (
    !organisation ||
    !code ||
    !organisation.municipalityCodes.includes(code) ||
    !can(actor, 'organisations:approve', { municipalityCode: code })
  ) {
    throw new NotFoundError();
  }
  // Decided against what the administrator saw: a colleague's decision since then is not overturned
  // unseen (a rejection may otherwise be followed by an approval from a page still showing "pending").
  if (seenVersion !== undefined && seenVersion !== (organisation.writeVersion ?? 0))
    throw new ConflictError('The organisation was decided on meanwhile');
  const approvals = decide(organisation.approvals as Approval[], {
    municipalityCode: code,
    to,
    reason,
    by: actor.userId,
    at: new Date(),
  });
  if (!approvals) {
    if ((to === 'rejected' || to === 'suspended') && !reason?.trim()) {
      throw new ValidationError({ reason: 'organisations.approval.reasonRequired' });
    }
    throw new ConflictError('That step is not possible from the current state');
  }
  // Claimed first and written guarded on the version read: FerretDB's updates do not lock, so an
  // updatedAt guard alone lets both clicks land. The audit entry travels with the claim.
  await writeVersionAudited(
    OrganisationModel as never,
    organisationId,
    organisation.writeVersion ?? 0,
    { approvals, status: overallStatus(approvals), activeIn: activeIn(approvals) },
    {
      event: {
        action: `organisation.${to}`,
        outcome: 'success',
        actorId: actor.userId,
        actorRole: actor.role,
        municipalityCode: code,
        objectType: 'organisation',
        objectId: organisationId,
        details: reason ? { reason } : undefined,
      },
      origin: context.origin,
    },
  );
  announceWrite(ORGANISATIONS_TOPIC, code);
}
