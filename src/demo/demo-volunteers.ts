import { createDemoUser } from '../components/accounts/index.js';
import { membershipsOf, moveMembership } from '../components/organisations/index.js';
import {
  findProfile,
  saveProfile,
  setProfileStatus,
  type ProfileInput,
} from '../components/volunteers/index.js';
import { DEMO_PASSWORD } from './demo-content.js';

interface DemoVolunteer {
  name: string;
  email: string;
  profile: ProfileInput;
  /** The demo organisation (by name) and how far the person is with it; none for a newcomer. */
  membership?: { organisationName: string; status: 'active' | 'requested' };
  paused?: boolean;
}

const profile = (input: Partial<ProfileInput> & Pick<ProfileInput, 'postcode'>): ProfileInput => ({
  interests: [],
  skills: [],
  languages: ['da'],
  frequency: 'weekly',
  maxChildren: 1,
  presentation: '',
  gender: undefined,
  availability: [],
  ...input,
});

// Invented people (the "(demo)" suffix keeps them from being mistaken for real ones), all living in
// the demo municipality, so that matching has someone to find.
export const DEMO_VOLUNTEERS: DemoVolunteer[] = [
  {
    name: 'Sofie Lindholm (demo)',
    email: 'frivillig@demo.brobygning.dk',
    // The demo login for volunteers: a profile, but no organisation yet, so a newcomer can try joining.
    profile: profile({
      postcode: '9490',
      interests: ['tegning', 'natur'],
      skills: ['lektiehjælp'],
      availability: [{ weekday: 3, from: '15:00', to: '17:00' }],
      presentation: 'Lærerstuderende, der gerne går ture og tegner med et barn.',
    }),
  },
  {
    name: 'Mads Kjær (demo)',
    email: 'mads.kjaer@demo.brobygning.dk',
    profile: profile({
      postcode: '9490',
      interests: ['gymnastik', 'leg'],
      skills: ['trampolin', 'førstehjælp'],
      languages: ['da', 'en'],
      maxChildren: 3,
      availability: [{ weekday: 2, from: '16:00', to: '18:00' }],
      presentation: 'Træner springholdet og tager gerne et barn mere med.',
    }),
    membership: { organisationName: 'Nordstrand Gymnastikforening (demo)', status: 'active' },
  },
  {
    name: 'Amira Haddad (demo)',
    email: 'amira.haddad@demo.brobygning.dk',
    profile: profile({
      postcode: '9460',
      interests: ['gymnastik', 'dans'],
      languages: ['da', 'ar'],
      availability: [{ weekday: 4, from: '17:00', to: '19:00' }],
    }),
    membership: { organisationName: 'Nordstrand Gymnastikforening (demo)', status: 'active' },
  },
  {
    name: 'Peter Nørgaard (demo)',
    email: 'peter.noergaard@demo.brobygning.dk',
    profile: profile({
      postcode: '9440',
      interests: ['træ', 'værktøj'],
      skills: ['snedker'],
      frequency: 'biweekly',
      maxChildren: 2,
      availability: [{ weekday: 3, from: '15:00', to: '17:00' }],
      presentation: 'Svend på værkstedet. Viser gerne, hvordan man bygger en fuglekasse.',
    }),
    membership: { organisationName: 'Snedkerværkstedet Høvlen ApS (demo)', status: 'active' },
  },
  {
    name: 'Hanne Vestergaard (demo)',
    email: 'hanne.vestergaard@demo.brobygning.dk',
    profile: profile({
      postcode: '9440',
      interests: ['madlavning'],
      frequency: 'monthly',
      availability: [{ weekday: 6, from: '10:00', to: '13:00' }],
    }),
    membership: { organisationName: 'Snedkerværkstedet Høvlen ApS (demo)', status: 'active' },
    paused: true,
  },
  {
    name: 'Lene Bach (demo)',
    email: 'lene.bach@demo.brobygning.dk',
    profile: profile({
      postcode: '9460',
      interests: ['fodbold'],
      skills: ['målmandstræning'],
      languages: ['da', 'de'],
      availability: [
        { weekday: 1, from: '17:00', to: '18:30' },
        { weekday: 3, from: '17:00', to: '18:30' },
      ],
    }),
    membership: { organisationName: 'Vesterhav Boldklub (demo)', status: 'active' },
  },
  {
    name: 'Oskar Friis (demo)',
    email: 'oskar.friis@demo.brobygning.dk',
    profile: profile({
      postcode: '9690',
      interests: ['fodbold', 'fiskeri'],
      frequency: 'monthly',
      availability: [{ weekday: 6, from: '10:00', to: '12:00' }],
    }),
    // A join request waiting for the club's coordinator.
    membership: { organisationName: 'Vesterhav Boldklub (demo)', status: 'requested' },
  },
  {
    name: 'Camilla Skov (demo)',
    email: 'camilla.skov@demo.brobygning.dk',
    profile: profile({
      postcode: '9490',
      interests: ['gymnastik', 'leg', 'dyr'],
      skills: ['springgymnastik'],
      languages: ['da', 'en'],
      maxChildren: 2,
      availability: [{ weekday: 2, from: '15:00', to: '18:00' }],
      presentation: 'Hjælpetræner på tirsdagsholdet; har selv to heste og en hund.',
    }),
    membership: { organisationName: 'Nordstrand Gymnastikforening (demo)', status: 'active' },
  },
  {
    name: 'Jakob Vinther (demo)',
    email: 'jakob.vinther@demo.brobygning.dk',
    profile: profile({
      postcode: '9440',
      interests: ['gymnastik', 'cykler'],
      skills: ['trampolin'],
      maxChildren: 2,
      availability: [{ weekday: 2, from: '15:30', to: '18:00' }],
      presentation: 'Springtræner, der cykler til hallen fra Aabybro om tirsdagen.',
    }),
    membership: { organisationName: 'Nordstrand Gymnastikforening (demo)', status: 'active' },
  },
  {
    name: 'Karsten Bro (demo)',
    email: 'karsten.bro@demo.brobygning.dk',
    profile: profile({
      postcode: '9440',
      interests: ['træ', 'værktøj', 'cykler'],
      skills: ['snedker'],
      maxChildren: 2,
      availability: [{ weekday: 4, from: '15:00', to: '17:00' }],
      presentation: 'Snedkersvend; har lært tre lærlinge op og tager gerne en ung med i værkstedet.',
    }),
    membership: { organisationName: 'Snedkerværkstedet Høvlen ApS (demo)', status: 'active' },
  },
  {
    name: 'Freja Lund (demo)',
    email: 'freja.lund@demo.brobygning.dk',
    profile: profile({
      postcode: '9460',
      interests: ['træ', 'værktøj', 'musik'],
      skills: ['møbelsnedker'],
      languages: ['da', 'en'],
      maxChildren: 2,
      availability: [{ weekday: 4, from: '15:00', to: '17:00' }],
      presentation: 'Sidste års lærling på værkstedet; kører fra Brovst og bygger guitarer i fritiden.',
    }),
    membership: { organisationName: 'Snedkerværkstedet Høvlen ApS (demo)', status: 'active' },
  },
  {
    name: 'Jens Thomsen (demo)',
    email: 'jens.thomsen@demo.brobygning.dk',
    profile: profile({
      postcode: '9690',
      interests: ['fodbold', 'fællesskab', 'fiskeri'],
      skills: ['børnetræner'],
      maxChildren: 3,
      availability: [
        { weekday: 1, from: '16:00', to: '18:00' },
        { weekday: 3, from: '16:00', to: '18:00' },
      ],
      presentation: 'Træner de yngste i klubben og kører fra Fjerritslev; tager gerne et barn med i bilen.',
    }),
    membership: { organisationName: 'Vesterhav Boldklub (demo)', status: 'active' },
  },
  {
    name: 'Sara Mikkelsen (demo)',
    email: 'sara.mikkelsen@demo.brobygning.dk',
    profile: profile({
      postcode: '9460',
      interests: ['fodbold', 'fællesskab'],
      skills: ['holdleder'],
      languages: ['da', 'en'],
      maxChildren: 2,
      availability: [
        { weekday: 1, from: '16:00', to: '18:00' },
        { weekday: 3, from: '16:00', to: '18:00' },
      ],
      presentation: 'Holdleder for 5–8-årige; mor til to af spillerne.',
    }),
    membership: { organisationName: 'Vesterhav Boldklub (demo)', status: 'active' },
  },
  {
    name: 'Ahmad Karimi (demo)',
    email: 'ahmad.karimi@demo.brobygning.dk',
    profile: profile({
      postcode: '9460',
      interests: ['fodbold', 'fællesskab', 'madlavning'],
      skills: ['dommer'],
      languages: ['da', 'ar', 'en'],
      maxChildren: 3,
      availability: [{ weekday: 7, from: '10:00', to: '13:00' }],
      presentation: 'Dommer og klubhusets kok om søndagen; taler også arabisk.',
    }),
    membership: { organisationName: 'Vesterhav Boldklub (demo)', status: 'active' },
  },
];

/** Puts the demo volunteers, their profiles and memberships in place; a second run changes nothing. */
/** Returns each demo volunteer's id by e-mail, for the vetting and offers seeded after them. */
export async function seedDemoVolunteers(organisationIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const volunteer of DEMO_VOLUNTEERS) {
    const userId = await createDemoUser({
      name: volunteer.name,
      email: volunteer.email,
      password: DEMO_PASSWORD,
      roles: [{ role: 'volunteer' }],
    });
    ids.set(volunteer.email, userId);
    const actor = { userId, role: 'volunteer' as const };
    // Only once: someone trying the demo may have changed the profile since.
    if (!(await findProfile(userId))) {
      await saveProfile(actor, volunteer.profile);
      if (volunteer.paused) await setProfileStatus(actor, 'paused');
    }
    const organisationId = organisationIds.get(volunteer.membership?.organisationName ?? '');
    if (!volunteer.membership || !organisationId) continue;
    const existing = (await membershipsOf(userId)).some((m) => m.organisationId === organisationId);
    if (!existing) await moveMembership(organisationId, userId, volunteer.membership.status, userId);
  }
  return ids;
}
