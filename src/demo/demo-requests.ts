import { seedMatch, upsertRequest } from '../components/requests/index.js';
import { danishDaysAgo } from './demo-dates.js';

/** A vetted volunteer, an active member of an organisation active in the municipality, on one of its offers. */
export interface DemoAdult {
  organisationId: string;
  volunteerId: string;
  offerId?: string;
}

export interface DemoRequestPeople {
  municipalityCode: string;
  /** The demo social worker (socialraadgiver@demo.brobygning.dk): responsible for all three. */
  socialWorkerId: string;
  /** Proposed for the waiting request. */
  proposed: DemoAdult;
  /** In the active match. */
  matched: DemoAdult;
}

const DAY = 86_400_000;

/**
 * Three fictional requests in three states: one open (no proposal yet, so candidate search has something to
 * show), one with a proposal waiting for answers, one with an active match. Case references are invented
 * and the children are nobody. Running it again changes nothing that is already there.
 */
export async function seedDemoRequests(people: DemoRequestPeople, now = new Date()): Promise<string[]> {
  const base = {
    municipalityCode: people.municipalityCode,
    responsibleId: people.socialWorkerId,
    postcode: '9490',
    homeLanguages: ['da'],
    // Half a year: the demo's vetted adults stay vetted through it for well over a year of the demo's clock.
    expectedMonths: 6,
  };
  const open = await upsertRequest({
    ...base,
    caseRef: 'DEMO-2026-0101',
    birthYear: now.getUTCFullYear() - 9,
    birthMonth: 5,
    preventsStep: 'early-prevention',
    interests: ['gymnastik', 'dyr'],
    needTags: ['en fast voksen', 'fællesskab'],
    needsText:
      'Opdigtet: pigen er meget alene efter skole og har svært ved at komme i gang med fritidsaktiviteter.',
    windows: [{ weekday: 2, from: '15:30', to: '17:30' }],
  });
  const waiting = await upsertRequest({
    ...base,
    caseRef: 'DEMO-2026-0102',
    // Ten: the age the proposed Tuesday gymnastics offer (7–10) takes, so the proposal can be accepted.
    birthYear: now.getUTCFullYear() - 10,
    birthMonth: 9,
    preventsStep: 'family-support',
    interests: ['gymnastik', 'computerspil'],
    needTags: ['lektiehjælp', 'en rollemodel'],
    needsText: 'Opdigtet: drengen pjækker fra skole; familien ønsker en voksen, han kan se op til.',
    windows: [{ weekday: 2, from: '16:00', to: '17:30' }],
  });
  const active = await upsertRequest({
    ...base,
    caseRef: 'DEMO-2026-0103',
    birthYear: now.getUTCFullYear() - 14,
    birthMonth: 2,
    preventsStep: 'support-person',
    interests: ['træarbejde', 'cykler'],
    needTags: ['praktisk arbejde', 'en fast voksen'],
    needsText: 'Opdigtet: drengen har brug for en grund til at blive i skolen.',
    expectedMonths: 9,
    status: 'matched',
  });
  const match = (adult: DemoAdult) => ({
    municipalityCode: people.municipalityCode,
    ...adult,
    proposedBy: people.socialWorkerId,
  });
  await seedMatch({
    ...match(people.proposed),
    requestId: waiting,
    childAlias: 'M.',
    askText: 'Tag barnet med til gymnastik om tirsdagen, og hjælp lidt med lektierne bagefter.',
    state: 'proposed',
    at: new Date(now.getTime() - 2 * DAY),
  });
  await seedMatch({
    ...match(people.matched),
    requestId: active,
    childAlias: 'Jonas',
    askText: 'Lad barnet være med i værkstedet en eftermiddag om ugen.',
    state: 'active',
    // Seven months in, by the Danish calendar the follow-up plan counts: the follow-up demo gives it its
    // history, with a check-in waiting for the volunteer today at whatever hour the demo is seeded.
    at: danishDaysAgo(now, 210),
  });
  return [open, waiting, active];
}
