import {
  afterHoursPhoneOf,
  importMunicipalities,
  onboardMunicipality,
  setAfterHoursPhone,
} from '../components/municipalities/index.js';
import { createDemoUser } from '../components/accounts/index.js';
import { isActiveMember, moveMembership, upsertOrganisation } from '../components/organisations/index.js';
import {
  DEMO_AFTER_HOURS_PHONE,
  DEMO_MUNICIPALITY_CODE,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
} from './demo-content.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoConsent } from './demo-consent.js';
import { seedDemoFollowUps } from './demo-followups.js';
import { seedDemoOffers } from './demo-offers.js';
import { seedDemoHistory, seedDemoReporting } from './demo-reporting.js';
import { seedDemoRequests } from './demo-requests.js';
import { seedDemoSupply } from './demo-supply.js';
import { seedDemoVetting, type DemoVettingState } from './demo-vetting.js';
import { seedDemoVolunteers } from './demo-volunteers.js';

export interface SeedSummary {
  municipalitiesImported: number;
  organisations: number;
  people: number;
}

// Who is how far with vetting, and which offer they are the adult on: so that a newcomer sees every
// state in the coordinator's overview, and the social worker sees ranked candidates (and excluded ones).
const DEMO_VETTING: Array<{ email: string; organisation: string; state: DemoVettingState; offer?: string }> =
  [
    {
      email: 'mads.kjaer@demo.brobygning.dk',
      organisation: 'Nordstrand Gymnastikforening (demo)',
      state: 'vetted',
      offer: 'Tirsdagsgymnastik for 7–10-årige',
    },
    {
      email: 'amira.haddad@demo.brobygning.dk',
      organisation: 'Nordstrand Gymnastikforening (demo)',
      state: 'expiring',
      offer: 'Lørdagsspring for 11–14-årige',
    },
    {
      email: 'peter.noergaard@demo.brobygning.dk',
      organisation: 'Snedkerværkstedet Høvlen ApS (demo)',
      state: 'vetted',
      offer: 'Værkstedseftermiddag med en svend',
    },
    {
      email: 'hanne.vestergaard@demo.brobygning.dk',
      organisation: 'Snedkerværkstedet Høvlen ApS (demo)',
      state: 'missing-training',
    },
    {
      email: 'lene.bach@demo.brobygning.dk',
      organisation: 'Vesterhav Boldklub (demo)',
      state: 'ordered-waiting',
      offer: 'Fodbold for 5–8-årige',
    },
    // Vetted trainers and craftspeople in every area the demo's requests come from, so that each open
    // request has several candidates to compare.
    {
      email: 'camilla.skov@demo.brobygning.dk',
      organisation: 'Nordstrand Gymnastikforening (demo)',
      state: 'vetted',
      offer: 'Tirsdagsgymnastik for 7–10-årige',
    },
    {
      email: 'jakob.vinther@demo.brobygning.dk',
      organisation: 'Nordstrand Gymnastikforening (demo)',
      state: 'vetted',
      offer: 'Tirsdagsgymnastik for 7–10-årige',
    },
    {
      email: 'karsten.bro@demo.brobygning.dk',
      organisation: 'Snedkerværkstedet Høvlen ApS (demo)',
      state: 'vetted',
      offer: 'Værkstedseftermiddag med en svend',
    },
    {
      email: 'freja.lund@demo.brobygning.dk',
      organisation: 'Snedkerværkstedet Høvlen ApS (demo)',
      state: 'vetted',
      offer: 'Værkstedseftermiddag med en svend',
    },
    {
      email: 'jens.thomsen@demo.brobygning.dk',
      organisation: 'Vesterhav Boldklub (demo)',
      state: 'vetted',
      offer: 'Fodbold for 5–8-årige',
    },
    {
      email: 'sara.mikkelsen@demo.brobygning.dk',
      organisation: 'Vesterhav Boldklub (demo)',
      state: 'vetted',
      offer: 'Fodbold for 5–8-årige',
    },
    {
      email: 'ahmad.karimi@demo.brobygning.dk',
      organisation: 'Vesterhav Boldklub (demo)',
      state: 'vetted',
      offer: 'Kampdag og kaffe om søndagen',
    },
  ];

async function seedPeople(organisationIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const organisationId = organisationIds.get(person.organisationName ?? '');
    const tenant =
      person.role === 'coordinator'
        ? { organisationId }
        : person.role === 'social-worker' || person.role === 'leader' || person.role === 'municipal-admin'
          ? { municipalityCode: DEMO_MUNICIPALITY_CODE }
          : {};
    const userId = await createDemoUser({
      name: person.name,
      email: person.email,
      password: DEMO_PASSWORD,
      roles: [{ role: person.role, ...tenant }],
      ...(person.phone ? { phone: person.phone } : {}),
    });
    ids.set(person.email, userId);
    // A coordinator belongs to the organisation they coordinate, as one who registered it does.
    if (organisationId && !(await isActiveMember(organisationId, userId))) {
      await moveMembership(organisationId, userId, 'active', userId);
    }
  }
  return ids;
}

/**
 * Puts the demo content in place; running it again changes nothing that is already there. Runs inside the
 * app's wiring (`assembly.wiring.run`), as the pages do: proposals are checked by the app's eligibility check.
 */
export async function seedDemo(): Promise<SeedSummary> {
  const municipalitiesImported = await importMunicipalities();
  await onboardMunicipality(DEMO_MUNICIPALITY_CODE);
  // Only where none is set: the demo's administrator may have changed it since.
  if (!(await afterHoursPhoneOf(DEMO_MUNICIPALITY_CODE))) {
    await setAfterHoursPhone(DEMO_MUNICIPALITY_CODE, DEMO_AFTER_HOURS_PHONE);
  }
  const organisationIds = new Map<string, string>();
  for (const organisation of DEMO_ORGANISATIONS) {
    organisationIds.set(organisation.name, await upsertOrganisation(organisation));
  }
  const people = await seedPeople(organisationIds);
  const volunteers = await seedDemoVolunteers(organisationIds);
  const coordinatorOf = (organisationName: string) =>
    people.get(DEMO_PEOPLE.find((p) => p.organisationName === organisationName)?.email ?? '') ?? '';
  const adultsByTitle = new Map<string, string[]>();
  for (const entry of DEMO_VETTING) {
    const userId = volunteers.get(entry.email);
    const organisationId = organisationIds.get(entry.organisation);
    if (!userId || !organisationId) continue;
    await seedDemoVetting(
      [{ organisationId, userId, state: entry.state }],
      coordinatorOf(entry.organisation),
    );
    if (entry.offer) adultsByTitle.set(entry.offer, [...(adultsByTitle.get(entry.offer) ?? []), userId]);
  }
  const offerIds = await seedDemoOffers(organisationIds, adultsByTitle);
  const adult = (email: string, organisation: string, offer: string) => ({
    volunteerId: volunteers.get(email)!,
    organisationId: organisationIds.get(organisation)!,
    offerId: offerIds.get(offer),
  });
  const [, , activeRequestId] = await seedDemoRequests({
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    socialWorkerId: people.get('socialraadgiver@demo.brobygning.dk')!,
    proposed: adult(
      'mads.kjaer@demo.brobygning.dk',
      'Nordstrand Gymnastikforening (demo)',
      'Tirsdagsgymnastik for 7–10-årige',
    ),
    matched: adult(
      'peter.noergaard@demo.brobygning.dk',
      'Snedkerværkstedet Høvlen ApS (demo)',
      'Værkstedseftermiddag med en svend',
    ),
  });
  await seedDemoConsent({
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    socialWorkerId: people.get('socialraadgiver@demo.brobygning.dk')!,
    activeRequestId: activeRequestId!,
    activeAdult: adult(
      'peter.noergaard@demo.brobygning.dk',
      'Snedkerværkstedet Høvlen ApS (demo)',
      'Værkstedseftermiddag med en svend',
    ),
    awaitingAdult: adult(
      'amira.haddad@demo.brobygning.dk',
      'Nordstrand Gymnastikforening (demo)',
      'Lørdagsspring for 11–14-årige',
    ),
    pausedAdult: adult(
      'mads.kjaer@demo.brobygning.dk',
      'Nordstrand Gymnastikforening (demo)',
      'Tirsdagsgymnastik for 7–10-årige',
    ),
  });
  await seedDemoFollowUps({
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    socialWorkerId: people.get('socialraadgiver@demo.brobygning.dk')!,
    requestId: activeRequestId!,
    adult: adult(
      'peter.noergaard@demo.brobygning.dk',
      'Snedkerværkstedet Høvlen ApS (demo)',
      'Værkstedseftermiddag med en svend',
    ),
  });
  // With no offer named, the adult is proposed as a member of the organisation.
  const caseAdult = (email: string, organisation: string, offer = '') => ({
    ...adult(email, organisation, offer),
    coordinatorId: coordinatorOf(organisation),
  });
  await seedDemoCases({
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    socialWorkerId: people.get('socialraadgiver@demo.brobygning.dk')!,
    declining: caseAdult('jakob.vinther@demo.brobygning.dk', 'Nordstrand Gymnastikforening (demo)'),
    ready: caseAdult(
      'camilla.skov@demo.brobygning.dk',
      'Nordstrand Gymnastikforening (demo)',
      'Tirsdagsgymnastik for 7–10-årige',
    ),
    paused: caseAdult('ahmad.karimi@demo.brobygning.dk', 'Vesterhav Boldklub (demo)'),
    ended: caseAdult(
      'karsten.bro@demo.brobygning.dk',
      'Snedkerværkstedet Høvlen ApS (demo)',
      'Værkstedseftermiddag med en svend',
    ),
  });
  await seedDemoSupply(DEMO_MUNICIPALITY_CODE, people.get('socialraadgiver@demo.brobygning.dk')!);
  await seedDemoReporting(DEMO_MUNICIPALITY_CODE, people.get('kommuneadmin@demo.brobygning.dk')!);
  await seedDemoHistory({
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    socialWorkerId: people.get('socialraadgiver@demo.brobygning.dk')!,
    adults: [
      adult(
        'peter.noergaard@demo.brobygning.dk',
        'Snedkerværkstedet Høvlen ApS (demo)',
        'Værkstedseftermiddag med en svend',
      ),
      adult(
        'mads.kjaer@demo.brobygning.dk',
        'Nordstrand Gymnastikforening (demo)',
        'Tirsdagsgymnastik for 7–10-årige',
      ),
      adult(
        'amira.haddad@demo.brobygning.dk',
        'Nordstrand Gymnastikforening (demo)',
        'Lørdagsspring for 11–14-årige',
      ),
    ],
  });
  return {
    municipalitiesImported,
    organisations: DEMO_ORGANISATIONS.length,
    people: DEMO_PEOPLE.length + volunteers.size,
  };
}
