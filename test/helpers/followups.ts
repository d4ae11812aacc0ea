import { copenhagenDate, FollowUpModel } from '../../src/components/followups/index.js';
import { MatchModel } from '../../src/components/requests/match-model.js';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { createUser, type TestUser } from './accounts.js';
import { createMatch, createRequest, createSocialWorker } from './matching.js';
import { addMember, createOrganisation } from './organisations.js';

export interface FollowUpCase {
  sara: TestUser;
  karin: TestUser;
  bo: TestUser;
  organisationId: string;
  requestId: string;
  matchId: string;
}

/** A social worker (0849), a club with a coordinator, a volunteer member, a request and a match in `state`. */
export async function followUpCase(
  state: 'active' | 'awaiting-consent' = 'active',
  activeAt = new Date(),
): Promise<FollowUpCase> {
  await importMunicipalities();
  const sara = await createSocialWorker();
  const organisationId = await createOrganisation({ name: 'Nordstrand IF' });
  const karin = await createUser({ roles: [{ role: 'coordinator', organisationId }], totp: true });
  const bo = await createUser({});
  await addMember(organisationId, bo.id);
  const requestId = await createRequest(sara.id);
  const matchId = await createMatch({
    requestId,
    organisationId,
    volunteerId: bo.id,
    proposedBy: sara.id,
    state,
    createdAt: activeAt,
  });
  return { sara, karin, bo, organisationId, requestId, matchId };
}

/** A volunteer's check-in due today, each for its own volunteer (and match) so every reminder is countable. */
export async function dueCheckIn(index: number, volunteer: TestUser): Promise<void> {
  const matchId = (index + 1).toString(16).padStart(24, 'a');
  // A check-in belongs to a running match: only those are reminded.
  await MatchModel.create({
    _id: matchId,
    requestId: matchId,
    municipalityCode: '0849',
    organisationId: matchId,
    volunteerId: volunteer.id,
    proposedBy: volunteer.id,
    childAlias: 'E.',
    askText: 'Fodbold om tirsdagen.',
    state: 'active',
    liveKey: `${matchId}:${volunteer.id}`,
  });
  await FollowUpModel.create({
    _id: `${matchId}:volunteer:regular:1`,
    matchId,
    requestId: matchId,
    municipalityCode: '0849',
    organisationId: matchId,
    volunteerId: volunteer.id,
    audience: 'volunteer',
    kind: 'regular',
    sequence: 1,
    dueOn: copenhagenDate(new Date()),
  });
}
