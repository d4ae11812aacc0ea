import type { Actor, RequestContext } from '../components/accounts/index.js';
import { recordConsent, type ConsentInput } from '../components/consent/index.js';
import {
  answerProposal,
  moveAsCaseworker,
  proposeMatch,
  requestIdOf,
  upsertRequest,
  type RequestSeed,
} from '../components/requests/index.js';
import type { DemoAdult } from './demo-requests.js';

const DAY = 86_400_000;

/** An adult for a demo case, and who answers the proposal for their organisation. */
interface DemoCaseAdult extends DemoAdult {
  coordinatorId: string;
}

export interface DemoCasePeople {
  municipalityCode: string;
  socialWorkerId: string;
  /** Asked and says no: the request is looking again. */
  declining: DemoCaseAdult;
  /** Both guardians have consented: ready to start. */
  ready: DemoCaseAdult;
  /** Started, then paused by the social worker. */
  paused: DemoCaseAdult;
  /** Started, then ended: the adult stopped, so the request is looking for a new one. */
  ended: DemoCaseAdult;
}

// The demo runs on the development default address; links in the demo's notices point there.
const context: RequestContext = { origin: {}, baseUrl: 'http://localhost:3000', language: 'da' };

const consent = (initials: string, custody: 'sole' | 'joint', now: Date): ConsentInput => ({
  consenter: 'guardian',
  initials,
  custody,
  purposes: ['share-details', 'take-part', 'follow-up'],
  recipients: ['organisation', 'adult'],
  fields: ['alias', 'age', 'interests', 'needTags'],
  how: 'signed-form',
  givenAt: new Date(now.getTime() - DAY),
  validUntil: new Date(now.getTime() + 400 * DAY),
});

/**
 * The cases that complete the demo's set of states (the others are in demo-requests.ts and
 * demo-consent.ts): each is made through the same services as the pages (proposal with its eligibility
 * check, both answers, the family's consent, start, pause, end), so what is stored is what real use
 * stores, audit and notices included. A case whose request is there already is left as it is.
 */
export async function seedDemoCases(people: DemoCasePeople, now = new Date()): Promise<void> {
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
    preventsStep: 'early-prevention' as const,
  };

  async function propose(
    seed: Omit<RequestSeed, keyof typeof base>,
    adult: DemoCaseAdult,
    alias: string,
    askText: string,
  ) {
    if (await requestIdOf(people.municipalityCode, seed.caseRef)) return undefined;
    const requestId = await upsertRequest({ ...base, ...seed });
    const proposed = await proposeMatch(
      worker,
      {
        requestId,
        volunteerId: adult.volunteerId,
        organisationId: adult.organisationId,
        offerId: adult.offerId,
        childAlias: alias,
        askText,
      },
      context,
    );
    if (proposed.outcome !== 'done') return undefined;
    return { requestId, matchId: proposed.matchId };
  }
  const accept = async (adult: DemoCaseAdult, matchId: string) => {
    const coordinator: Actor = {
      userId: adult.coordinatorId,
      role: 'coordinator',
      organisationId: adult.organisationId,
    };
    await answerProposal(coordinator, matchId, 'accept', undefined, context);
    await answerProposal(
      { userId: adult.volunteerId, role: 'volunteer' },
      matchId,
      'accept',
      undefined,
      context,
    );
  };
  const start = async (requestId: string, matchId: string, initials: string) => {
    await recordConsent(worker, requestId, matchId, consent(initials, 'sole', now), context);
    await moveAsCaseworker(worker, requestId, matchId, 'activate', {}, context);
  };

  const looking = await propose(
    {
      caseRef: 'DEMO-2026-0106',
      birthYear: now.getUTCFullYear() - 8,
      birthMonth: 4,
      interests: ['gymnastik', 'leg'],
      needTags: ['fællesskab'],
      needsText: 'Opdigtet: drengen vil gerne gå til noget sammen med andre børn.',
    },
    people.declining,
    'Noah',
    'Tag barnet med til træning om tirsdagen og vis det rundt i hallen.',
  );
  if (looking) {
    await answerProposal(
      { userId: people.declining.volunteerId, role: 'volunteer' },
      looking.matchId,
      'decline',
      'Jeg skifter til et hold for større børn efter nytår.',
      context,
    );
  }

  const ready = await propose(
    {
      caseRef: 'DEMO-2026-0107',
      birthYear: now.getUTCFullYear() - 9,
      birthMonth: 8,
      interests: ['gymnastik', 'dyr'],
      needTags: ['en fast voksen'],
      needsText: 'Opdigtet: pigen har skiftet skole og mangler noget at glæde sig til.',
    },
    people.ready,
    'Ella',
    'Tag barnet med til tirsdagsgymnastik, og tag imod det ved døren de første gange.',
  );
  if (ready) {
    await accept(people.ready, ready.matchId);
    // Joint custody: both guardians' consent is in force, and the start is the social worker's.
    for (const initials of ['SE', 'TE'])
      await recordConsent(worker, ready.requestId, ready.matchId, consent(initials, 'joint', now), context);
  }

  const paused = await propose(
    {
      caseRef: 'DEMO-2026-0108',
      birthYear: now.getUTCFullYear() - 10,
      birthMonth: 1,
      interests: ['fodbold', 'fællesskab'],
      needTags: ['en rollemodel'],
      needsText: 'Opdigtet: drengen er meget hjemme og savner kammerater.',
    },
    people.paused,
    'Malik',
    'Tag barnet med til kampdag om søndagen og giv det en opgave i klubhuset.',
  );
  if (paused) {
    await accept(people.paused, paused.matchId);
    await start(paused.requestId, paused.matchId, 'RK');
    // Paused by hand: the family is abroad for six weeks, and the adult should not wait in vain.
    await moveAsCaseworker(worker, paused.requestId, paused.matchId, 'pause', {}, context);
  }

  const ended = await propose(
    {
      caseRef: 'DEMO-2026-0109',
      birthYear: now.getUTCFullYear() - 13,
      birthMonth: 6,
      interests: ['træ', 'værktøj'],
      needTags: ['praktisk arbejde'],
      needsText: 'Opdigtet: drengen keder sig i skolen, men er god med hænderne.',
    },
    people.ended,
    'Oliver',
    'Lad barnet bygge sit eget projekt i værkstedet om torsdagen.',
  );
  if (ended) {
    await accept(people.ended, ended.matchId);
    await start(ended.requestId, ended.matchId, 'PB');
    await moveAsCaseworker(
      worker,
      ended.requestId,
      ended.matchId,
      'close',
      {
        closeReason: 'volunteer-stopped',
        reason: 'Opdigtet: svenden måtte stoppe; drengen vil gerne fortsætte med en anden voksen.',
      },
      context,
    );
  }
}
