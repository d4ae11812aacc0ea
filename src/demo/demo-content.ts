import type { OrganisationInput } from '../components/organisations/index.js';

// Fictional content for trying Brobygning out. Names are invented; none of the real people or
// places named in the source articles appear here.
export const DEMO_MUNICIPALITY_CODE = '0849'; // Jammerbugt: a real municipality, used only as the demo tenant.

export const DEMO_ORGANISATIONS: OrganisationInput[] = [
  {
    name: 'Nordstrand Gymnastikforening (demo)',
    kind: 'association',
    description:
      'Springgymnastik og leg for børn fra 6 år. Trænerne har børneattest og tager gerne et barn mere med.',
    postcode: '9490',
    municipalityCodes: [DEMO_MUNICIPALITY_CODE],
    status: 'approved',
  },
  {
    name: 'Snedkerværkstedet Høvlen ApS (demo)',
    kind: 'business',
    description:
      'Et lille snedkerværksted, hvor unge kan prøve kræfter med træ og værktøj sammen med en svend.',
    postcode: '9440',
    municipalityCodes: [DEMO_MUNICIPALITY_CODE],
    status: 'approved',
  },
  {
    name: 'Vesterhav Boldklub (demo)',
    kind: 'association',
    description:
      'Fodbold for drenge og piger fra 5 år. Holdene træner to gange om ugen, og der er altid plads til én mere.',
    postcode: '9460',
    municipalityCodes: [DEMO_MUNICIPALITY_CODE],
    status: 'approved',
  },
  {
    name: 'Klitsogn Kirkes Ungdomsklub (demo)',
    kind: 'faith',
    description: 'Fredagsklub med mad, spil og lektiehjælp for 10–14-årige. Alle er velkomne.',
    postcode: '9690',
    municipalityCodes: [DEMO_MUNICIPALITY_CODE],
    status: 'pending',
  },
];

/** One shared password for the demo accounts: printed at start-up, strong enough for the password rules. */
export const DEMO_PASSWORD = 'klitrose-fyrtårn-63';

export interface DemoPerson {
  name: string;
  email: string;
  role: 'volunteer' | 'coordinator' | 'social-worker' | 'leader' | 'municipal-admin' | 'platform-admin';
  /** For a coordinator: the demo organisation (by name) they coordinate. */
  organisationName?: string;
  /** Staff's work phone, as the account page asks for it (invented, like everything in the demo). */
  phone?: string;
}

/** The demo municipality's after-hours number for a child in danger (invented). */
export const DEMO_AFTER_HOURS_PHONE = '11 22 33 44';

// Invented people; the (demo) suffix keeps them from being mistaken for real ones.
export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Sofie Lindholm (demo)', email: 'frivillig@demo.brobygning.dk', role: 'volunteer' },
  {
    name: 'Jonas Krogh (demo)',
    email: 'koordinator@demo.brobygning.dk',
    role: 'coordinator',
    organisationName: 'Nordstrand Gymnastikforening (demo)',
  },
  {
    name: 'Rasmus Høj (demo)',
    email: 'koordinator.snedker@demo.brobygning.dk',
    role: 'coordinator',
    organisationName: 'Snedkerværkstedet Høvlen ApS (demo)',
  },
  {
    name: 'Tine Mølgaard (demo)',
    email: 'koordinator.fodbold@demo.brobygning.dk',
    role: 'coordinator',
    organisationName: 'Vesterhav Boldklub (demo)',
  },
  {
    name: 'Birgitte Holm (demo)',
    email: 'socialraadgiver@demo.brobygning.dk',
    role: 'social-worker',
    phone: '11 22 33 55',
  },
  { name: 'Henrik Dam (demo)', email: 'leder@demo.brobygning.dk', role: 'leader' },
  { name: 'Karim Nasser (demo)', email: 'kommuneadmin@demo.brobygning.dk', role: 'municipal-admin' },
  { name: 'Ida Winther (demo)', email: 'platformadmin@demo.brobygning.dk', role: 'platform-admin' },
];

/** Demo sign-ins, printed at start-up. */
export const DEMO_LOGINS = DEMO_PEOPLE.map((person) => ({
  role: person.role,
  email: person.email,
  password: DEMO_PASSWORD,
}));
