import { OrganisationModel, type Organisation } from './organisation-model.js';

export type OrganisationInput = Pick<
  Organisation,
  'name' | 'kind' | 'description' | 'postcode' | 'municipalityCodes' | 'status'
>;

/** Creates or updates an organisation identified by its name within its first municipality; returns its id. */
export async function upsertOrganisation(input: OrganisationInput): Promise<string> {
  const filter = { name: input.name, municipalityCodes: input.municipalityCodes[0] };
  await OrganisationModel.updateOne(filter, { $set: input }, { upsert: true, runValidators: true });
  const saved = await OrganisationModel.findOne(filter, { _id: 1 }).lean();
  return String(saved!._id);
}

export async function countApprovedOrganisations(municipalityCode: string): Promise<number> {
  return OrganisationModel.countDocuments({ municipalityCodes: municipalityCode, status: 'approved' });
}

export async function findOrganisation(id: string | undefined) {
  if (!id || !/^[0-9a-f]{24}$/.test(id)) return undefined;
  return (await OrganisationModel.findById(id).lean()) ?? undefined;
}
