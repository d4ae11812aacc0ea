import { trusted } from 'mongoose';
import { MembershipModel } from './membership-model.js';
import { OrganisationModel } from './organisation-model.js';

/** Announced after local writes to memberships and to organisations (matching's read model listens). */
export const MEMBERSHIPS_TOPIC = 'memberships';
export const ORGANISATIONS_TOPIC = 'organisations';

/** The organisations approved (and not suspended) in the municipality: name and kind, for matching. */
export async function organisationsActiveIn(municipalityCode: string) {
  const found = await OrganisationModel.find({ activeIn: municipalityCode }, { name: 1, kind: 1 })
    .limit(5000)
    .lean();
  return found.map((organisation) => ({
    id: String(organisation._id),
    name: organisation.name,
    kind: organisation.kind as string,
  }));
}

/** Every active membership of these organisations (who is a member where), for matching's read model. */
export async function activeMembershipsOf(organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  const found = await MembershipModel.find(
    { organisationId: trusted({ $in: [...new Set(organisationIds)] }), status: 'active' },
    { organisationId: 1, userId: 1 },
  )
    .limit(500_000)
    .lean();
  return found.map(({ organisationId, userId }) => ({ organisationId, userId }));
}
