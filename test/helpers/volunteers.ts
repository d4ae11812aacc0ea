import { VolunteerProfileModel } from '../../src/components/volunteers/volunteer-model.js';

/** A complete, valid profile form (as a browser would post it); fields may be overridden or dropped. */
export function profileFields(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    interests: 'fodbold, lektiehjælp',
    skills: 'tålmodighed',
    postcode: '9490',
    frequency: 'weekly',
    maxChildren: '1',
    presentation: 'Jeg træner gerne med et barn.',
    weekday1: '2',
    from1: '16:00',
    to1: '18:00',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A stored profile for the person (Pandrup, 9490, in Jammerbugt), written directly. */
export async function createProfile(
  userId: string,
  overrides: Partial<{ status: 'active' | 'paused'; maxChildren: number; interests: string[] }> = {},
): Promise<void> {
  await VolunteerProfileModel.create({
    userId,
    interests: ['fodbold'],
    skills: [],
    languages: ['da'],
    postcode: '9490',
    municipalityCode: '0849',
    lat: 57.22,
    lon: 9.67,
    availability: [{ weekday: 2, from: '16:00', to: '18:00' }],
    frequency: 'weekly',
    maxChildren: 1,
    presentation: '',
    status: 'active',
    ...overrides,
  });
}
