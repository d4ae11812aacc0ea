import { OrganisationModel, type Organisation } from './organisation-model.js';

export type OrganisationInput = Pick<
  Organisation,
  'name' | 'kind' | 'description' | 'postcode' | 'municipalityCodes' | 'status'
>;

/** Creates or updates an organisation identified by its name within its first municipality. */
export async function upsertOrganisation(input: OrganisationInput): Promise<void> {
  await OrganisationModel.updateOne(
    { name: input.name, municipalityCodes: input.municipalityCodes[0] },
    { $set: input },
    { upsert: true, runValidators: true },
  );
}

export async function countApprovedOrganisations(municipalityCode: string): Promise<number> {
  return OrganisationModel.countDocuments({ municipalityCodes: municipalityCode, status: 'approved' });
}
