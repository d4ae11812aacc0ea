import { importMunicipalities, onboardMunicipality } from '../components/municipalities/index.js';
import { createDemoUser } from '../components/accounts/index.js';
import { upsertOrganisation } from '../components/organisations/index.js';
import { DEMO_MUNICIPALITY_CODE, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-content.js';

export interface SeedSummary {
  municipalitiesImported: number;
  organisations: number;
  people: number;
}

/** Puts the demo content in place; running it again changes nothing that is already there. */
export async function seedDemo(): Promise<SeedSummary> {
  const municipalitiesImported = await importMunicipalities();
  await onboardMunicipality(DEMO_MUNICIPALITY_CODE);
  const organisationIds = new Map<string, string>();
  for (const organisation of DEMO_ORGANISATIONS) {
    organisationIds.set(organisation.name, await upsertOrganisation(organisation));
  }
  for (const person of DEMO_PEOPLE) {
    const tenant =
      person.role === 'coordinator'
        ? { organisationId: organisationIds.get(person.organisationName ?? '') }
        : person.role === 'social-worker' || person.role === 'municipal-admin'
          ? { municipalityCode: DEMO_MUNICIPALITY_CODE }
          : {};
    await createDemoUser({
      name: person.name,
      email: person.email,
      password: DEMO_PASSWORD,
      roles: [{ role: person.role, ...tenant }],
    });
  }
  return { municipalitiesImported, organisations: DEMO_ORGANISATIONS.length, people: DEMO_PEOPLE.length };
}
