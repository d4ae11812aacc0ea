import { importMunicipalities, onboardMunicipality } from '../components/municipalities/index.js';
import { upsertOrganisation } from '../components/organisations/index.js';
import { DEMO_MUNICIPALITY_CODE, DEMO_ORGANISATIONS } from './demo-content.js';

export interface SeedSummary {
  municipalitiesImported: number;
  organisations: number;
}

/** Puts the demo content in place; running it again changes nothing that is already there. */
export async function seedDemo(): Promise<SeedSummary> {
  const municipalitiesImported = await importMunicipalities();
  await onboardMunicipality(DEMO_MUNICIPALITY_CODE);
  for (const organisation of DEMO_ORGANISATIONS) {
    await upsertOrganisation(organisation);
  }
  return { municipalitiesImported, organisations: DEMO_ORGANISATIONS.length };
}
