import { RequestModel } from '../../src/components/requests/request-model.js';
import { upsertOrganisation } from '../../src/components/organisations/index.js';
import { VolunteerProfileModel } from '../../src/components/volunteers/volunteer-model.js';
import { createVettedMember, createMember } from './vetting.js';
import { createUser, type TestUser } from './accounts.js';

let counter = 0;

/** An approved organisation of the given kind working in the municipality; returns its id. */
export async function createOrganisationOfKind(
  kind: 'association' | 'faith' | 'business' | 'other',
  municipalityCode = '0849',
): Promise<string> {
  counter += 1;
  return upsertOrganisation({
    name: `Kandidatforening ${counter}`,
    kind,
    description: 'En forening til tests af kandidater.',
    postcode: '9490',
    municipalityCodes: [municipalityCode],
    status: 'approved',
  });
}

export interface VolunteerOptions {
  name?: string;
  vetted?: boolean;
  status?: 'active' | 'paused';
  maxChildren?: number;
  interests?: string[];
  gender?: 'female' | 'male' | 'other';
  /** Where the volunteer lives (Pandrup unless told). */
  lat?: number;
  lon?: number;
}

/** A member of the organisation with a profile (Pandrup, Tuesdays 16–18), vetted unless told otherwise. */
export async function createCandidate(
  organisationId: string,
  options: VolunteerOptions = {},
): Promise<TestUser> {
  counter += 1;
  const user = await createUser({ name: options.name ?? `Kandidat${counter} Efternavn` });
  if (options.vetted === false) await createMember(organisationId, user);
  else await createVettedMember(organisationId, { user });
  await VolunteerProfileModel.create({
    userId: user.id,
    interests: options.interests ?? ['fodbold'],
    skills: [],
    languages: ['da'],
    postcode: '9490',
    municipalityCode: '0849',
    lat: options.lat ?? 57.22,
    lon: options.lon ?? 9.67,
    availability: [{ weekday: 2, from: '16:00', to: '18:00' }],
    frequency: 'weekly',
    maxChildren: options.maxChildren ?? 1,
    status: options.status ?? 'active',
    ...(options.gender ? { gender: options.gender } : {}),
  });
  return user;
}

/** A request written directly: 10 years old, Pandrup, football and drawing, no times, 25 km. */
export async function createCandidateRequest(responsibleId: string, overrides: Record<string, unknown> = {}) {
  const created = await RequestModel.create({
    municipalityCode: '0849',
    responsibleId,
    createdBy: responsibleId,
    caseRef: 'SAG-KAND-1',
    birthYear: new Date().getUTCFullYear() - 10,
    birthMonth: 1,
    postcode: '9490',
    areaMunicipalityCode: '0849',
    lat: 57.22,
    lon: 9.67,
    interests: ['fodbold', 'tegning'],
    needsText: 'Fortroligt: må aldrig stå i en log.',
    homeLanguages: ['da'],
    maxTravelKm: 25,
    preventsStep: 'family-support',
    ...overrides,
  });
  return String(created._id);
}
