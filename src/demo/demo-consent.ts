import type { Actor, RequestContext } from '../components/accounts/index.js';
import {
  hasConsentRecords,
  recordConsent,
  withdrawByFamily,
  type ConsentInput,
} from '../components/consent/index.js';
import { liveMatchId, seedMatch, upsertRequest } from '../components/requests/index.js';
import type { DemoAdult } from './demo-requests.js';

const DAY = 86_400_000;

export interface DemoConsentPeople {
  municipalityCode: string;
  socialWorkerId: string;
  /** The request whose match is active (seeded by demo-requests.ts): both guardians' consent goes on it. */
  activeRequestId: string;
  activeAdult: DemoAdult;
  /** The adult of the match that awaits the family's consent. */
  awaitingAdult: DemoAdult;
  /** The adult of the match the family paused through their link. */
  pausedAdult: DemoAdult;
}

// The demo runs on the development default address; links in the demo's notices point there.
const context: RequestContext = { origin: {}, baseUrl: 'http://localhost:3000', language: 'da' };

const consent = (overrides: Partial<ConsentInput>, now: Date): ConsentInput => ({
  consenter: 'guardian',
  initials: 'AB',
  custody: 'sole',
  purposes: ['share-details', 'take-part', 'follow-up'],
  recipients: ['organisation', 'adult'],
  fields: ['alias', 'age', 'interests', 'needTags'],
  how: 'signed-form',
  givenAt: new Date(now.getTime() - 30 * DAY),
  validUntil: new Date(now.getTime() + 335 * DAY),
  ...overrides,
});

/**
 * The family's consent in the demo, through the same services as real use: the active match has the
 * consent of both guardians (joint custody); a new match awaits the second guardian's consent; another was paused when the family withdrew through their own link. Running it again
 * changes nothing: a match that already has consent records is left as it is.
 */
export async function seedDemoConsent(people: DemoConsentPeople, now = new Date()): Promise<void> {
  const worker: Actor = {
    userId: people.socialWorkerId,
    role: 'social-worker',
    municipalityCode: people.municipalityCode,
  };
  const base = {
    municipalityCode: people.municipalityCode,
    responsibleId: people.socialWorkerId,
    postcode: '9490',
    homeLanguages: ['da'],
    expectedMonths: 6,
  };

  const activeMatch = await liveMatchId(people.activeRequestId, people.activeAdult.volunteerId);
  if (activeMatch && !(await hasConsentRecords(activeMatch))) {
    for (const initials of ['JH', 'KH'])
      await recordConsent(
        worker,
        people.activeRequestId,
        activeMatch,
        consent(
          {
            initials,
            custody: 'joint',
            givenAt: new Date(now.getTime() - 212 * DAY),
            validUntil: new Date(now.getTime() + 150 * DAY),
          },
          now,
        ),
        context,
      );
  }

  const awaiting = await upsertRequest({
    ...base,
    caseRef: 'DEMO-2026-0104',
    birthYear: now.getUTCFullYear() - 12,
    birthMonth: 3,
    preventsStep: 'early-prevention',
    interests: ['spring', 'musik'],
    needTags: ['selvtillid'],
    needsText: 'Opdigtet: pigen er ny i byen og kender ingen.',
    status: 'matched',
  });
  await seedMatch({
    ...people.awaitingAdult,
    municipalityCode: people.municipalityCode,
    proposedBy: people.socialWorkerId,
    requestId: awaiting,
    childAlias: 'Ida',
    askText: 'Tag et barn med til lørdagsspring og hjælp det godt i gang på holdet.',
    state: 'awaiting-consent',
    at: new Date(now.getTime() - 3 * DAY),
  });
  const awaitingMatch = await liveMatchId(awaiting, people.awaitingAdult.volunteerId);
  if (awaitingMatch && !(await hasConsentRecords(awaitingMatch))) {
    // Joint custody, and only the mother has signed so far: the father's consent is what is missing.
    await recordConsent(
      worker,
      awaiting,
      awaitingMatch,
      consent({ initials: 'NH', custody: 'joint', givenAt: new Date(now.getTime() - DAY) }, now),
      context,
    );
  }

  const paused = await upsertRequest({
    ...base,
    caseRef: 'DEMO-2026-0105',
    birthYear: now.getUTCFullYear() - 8,
    birthMonth: 11,
    preventsStep: 'family-support',
    interests: ['gymnastik'],
    needTags: ['en fast voksen'],
    needsText: 'Opdigtet: familien ville gerne, men har fortrudt.',
    status: 'matched',
  });
  await seedMatch({
    ...people.pausedAdult,
    municipalityCode: people.municipalityCode,
    proposedBy: people.socialWorkerId,
    requestId: paused,
    childAlias: 'Liva',
    askText: 'Tag et barn med til tirsdagsgymnastik.',
    state: 'active',
    at: new Date(now.getTime() - 20 * DAY),
  });
  const pausedMatch = await liveMatchId(paused, people.pausedAdult.volunteerId);
  if (pausedMatch && !(await hasConsentRecords(pausedMatch))) {
    const recorded = await recordConsent(
      worker,
      paused,
      pausedMatch,
      consent({ initials: 'LM' }, now),
      context,
    );
    // The family changed their mind and used their own link: the match pauses and everyone is told.
    await withdrawByFamily(recorded.token, context);
  }
}
