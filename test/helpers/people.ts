import type { Express } from 'express';
import { createUser, loginAs, type TestUser } from './accounts.js';
import { createSocialWorker } from './matching.js';
import { addMember, createOrganisation } from './organisations.js';

/** The people of one child's case in Jammerbugt (0849), as most case tests need them. */
export interface CasePeople {
  /** Sara Socialrådgiver, a social worker of 0849 with a second factor. */
  sara: TestUser;
  /** Nordstrand IF, an approved association working in 0849. */
  clubId: string;
  /** Karin Koordinator, the club's coordinator (no second factor). */
  karin: TestUser;
  /** Bo Frivillig, a volunteer and an active member of the club. */
  bo: TestUser;
}

/** Sara, Nordstrand IF with Karin as its coordinator, and Bo as its member (municipalities imported first). */
export async function createCasePeople(): Promise<CasePeople> {
  const sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
  const clubId = await createOrganisation({ name: 'Nordstrand IF' });
  const karin = await createUser({
    name: 'Karin Koordinator',
    roles: [{ role: 'coordinator', organisationId: clubId }],
  });
  const bo = await createUser({ name: 'Bo Frivillig' });
  await addMember(clubId, bo.id);
  return { sara, clubId, karin, bo };
}

/** A municipal administrator of the municipality, with a second factor (as staff must have). */
export function createMunicipalAdmin(municipalityCode = '0849'): Promise<TestUser> {
  return createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true });
}

/** Logs the person in through the real forms and fetches one page as them. */
export async function pageAs(app: Express, person: TestUser, path: string) {
  return (await loginAs(app, person)).get(path);
}
