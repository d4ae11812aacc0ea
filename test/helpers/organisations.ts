import { moveMembership, upsertOrganisation } from '../../src/components/organisations/index.js';

let counter = 0;

/** An approved organisation working in the given municipality; returns its id. */
export async function createOrganisation(
  options: { name?: string; municipalityCode?: string } = {},
): Promise<string> {
  counter += 1;
  return upsertOrganisation({
    name: options.name ?? `Testforening ${counter}`,
    kind: 'association',
    description: 'En forening til tests.',
    postcode: '9490',
    municipalityCodes: [options.municipalityCode ?? '0849'],
    status: 'approved',
  });
}

/** Makes the person a member of the organisation (active by default, or with a pending request). */
export async function addMember(
  organisationId: string,
  userId: string,
  status: 'active' | 'requested' = 'active',
): Promise<void> {
  await moveMembership(organisationId, userId, status, userId);
}
