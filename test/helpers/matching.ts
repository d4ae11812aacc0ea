import { MatchModel } from '../../src/components/requests/match-model.js';
import { RequestModel } from '../../src/components/requests/request-model.js';
import { type MatchState } from '../../src/components/requests/index.js';
import { createUser, type TestUser } from './accounts.js';

let counter = 0;

/** A social worker of the municipality (with a second factor, as staff must have). */
export function createSocialWorker(municipalityCode = '0849', name?: string): Promise<TestUser> {
  return createUser({ name, roles: [{ role: 'social-worker', municipalityCode }], totp: true });
}

/** The two-minute form filled in as a browser would post it; fields may be overridden or dropped. */
export function requestFields(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    caseRef: 'SAG-2026-0001',
    birthYear: '2015',
    birthMonth: '4',
    postcode: '9490',
    preventsStep: 'family-support',
    interests: 'fodbold, tegning',
    needTags: 'en fast voksen',
    needsText: 'Fortroligt: mor er syg, far arbejder om natten.',
    homeLanguages: 'da',
    expectedMonths: '12',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A stored request (Pandrup, 9490), written directly; returns its id. */
export async function createRequest(
  responsibleId: string,
  overrides: Partial<{
    municipalityCode: string;
    caseRef: string;
    needsText: string;
    status: 'open' | 'matched' | 'closed';
  }> = {},
): Promise<string> {
  counter += 1;
  const created = await RequestModel.create({
    municipalityCode: '0849',
    responsibleId,
    createdBy: responsibleId,
    caseRef: `SAG-TEST-${counter}`,
    birthYear: 2015,
    birthMonth: 4,
    postcode: '9490',
    areaMunicipalityCode: '0849',
    lat: 57.22,
    lon: 9.67,
    interests: ['fodbold'],
    needsText: 'Fortroligt: familien er presset.',
    needTags: ['en fast voksen'],
    preventsStep: 'family-support',
    ...overrides,
  });
  return String(created._id);
}

/** A stored match in the given state (proposed unless told otherwise), written directly; returns its id. */
export async function createMatch(options: {
  requestId: string;
  organisationId: string;
  volunteerId: string;
  proposedBy: string;
  state?: MatchState;
  offerId?: string;
  municipalityCode?: string;
  createdAt?: Date;
}): Promise<string> {
  const state = options.state ?? 'proposed';
  const accepted = state !== 'proposed' && state !== 'declined';
  const at = options.createdAt ?? new Date();
  const created = await MatchModel.create({
    requestId: options.requestId,
    municipalityCode: options.municipalityCode ?? '0849',
    organisationId: options.organisationId,
    volunteerId: options.volunteerId,
    offerId: options.offerId,
    proposedBy: options.proposedBy,
    childAlias: 'E.',
    askText: 'Tag barnet med til træning om tirsdagen.',
    state,
    history: [{ state, by: options.proposedBy, role: 'social-worker', at }],
    ...(accepted ? { acceptedByOrg: { by: 'x', at }, acceptedByVolunteer: { by: 'y', at } } : {}),
    liveKey: ['declined', 'closed'].includes(state)
      ? `ended:${counter++}:${Date.now()}`
      : `${options.requestId}:${options.volunteerId}`,
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
  return String(created._id);
}
