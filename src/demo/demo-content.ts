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
    name: 'Klitsogn Kirkes Ungdomsklub (demo)',
    kind: 'faith',
    description: 'Fredagsklub med mad, spil og lektiehjælp for 10–14-årige. Alle er velkomne.',
    postcode: '9480',
    municipalityCodes: [DEMO_MUNICIPALITY_CODE],
    status: 'pending',
  },
];

/** Demo sign-ins, printed at start-up; filled in once accounts exist. */
export const DEMO_LOGINS: Array<{ role: string; email: string; password: string }> = [];
