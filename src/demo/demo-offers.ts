import { upsertOffer, type OfferSeed } from '../components/offers/index.js';

// Fictional offers of the demo organisations (see demo-content.ts), keyed by organisation name. Places,
// halls and times are invented; adults are left for the coordinator to choose among real members.
export const DEMO_OFFERS: Record<string, OfferSeed[]> = {
  'Nordstrand Gymnastikforening (demo)': [
    {
      title: 'Tirsdagsgymnastik for 7–10-årige',
      category: 'sport',
      tags: ['springgymnastik', 'leg'],
      description:
        'Fire børn kan komme med på holdet om tirsdagen i Pandrup-hallen. Vi starter med leg, og en fast træner tager imod barnet hver gang.',
      ageMin: 7,
      ageMax: 10,
      schedule: [{ weekday: 2, from: '16:00', to: '17:00' }],
      postcode: '9490',
      address: 'Pandrup-hallen, Idrætsvej 4',
      places: 4,
      languages: ['dansk'],
      accessibility: 'Trappefri adgang og omklædning i stueplan.',
    },
    {
      title: 'Lørdagsspring for 11–14-årige',
      category: 'sport',
      tags: ['trampolin', 'spring'],
      description:
        'Spring på airtrack og trampolin om lørdagen. En voksen fra foreningen følger barnet de første gange, så det lærer holdet at kende.',
      ageMin: 11,
      ageMax: 14,
      schedule: [{ weekday: 6, from: '10:00', to: '11:30' }],
      postcode: '9490',
      places: 1,
      languages: ['dansk', 'engelsk'],
    },
  ],
  'Snedkerværkstedet Høvlen ApS (demo)': [
    {
      title: 'Værkstedseftermiddag med en svend',
      category: 'craft',
      tags: ['træ', 'værktøj', 'praktik'],
      description:
        'Tre unge kan hver torsdag bygge deres eget projekt sammen med en af vores svende, fra skitse til færdig skammel. Sikkerhedsudstyr har vi.',
      ageMin: 13,
      ageMax: 17,
      schedule: [{ weekday: 4, from: '15:00', to: '17:00' }],
      postcode: '9440',
      address: 'Høvlen, Industrivej 12',
      places: 3,
      languages: ['dansk'],
      accessibility: 'Værkstedet er i stueplan; der er støj fra maskinerne.',
    },
  ],
  'Vesterhav Boldklub (demo)': [
    {
      title: 'Fodbold for 5–8-årige',
      category: 'sport',
      tags: ['fodbold', 'hold'],
      description:
        'Der er altid plads til én mere på vores yngste hold. Barnet får en fast voksen på holdet, som også hjælper med kamptøj og kørsel til stævner.',
      ageMin: 5,
      ageMax: 8,
      schedule: [
        { weekday: 1, from: '16:30', to: '17:30' },
        { weekday: 3, from: '16:30', to: '17:30' },
      ],
      postcode: '9460',
      places: 3,
      languages: ['dansk'],
    },
    {
      title: 'Kampdag og kaffe om søndagen',
      category: 'social',
      tags: ['fællesskab', 'klubhus'],
      description:
        'Kom med til hjemmekamp og hjælp i klubhuset bagefter. For børn, der har brug for et sted at høre til, også uden at spille selv.',
      ageMin: 9,
      ageMax: 15,
      schedule: [{ weekday: 7, from: '10:00', to: '13:00' }],
      postcode: '9460',
      places: 2,
      languages: ['dansk'],
    },
  ],
  'Klitsogn Kirkes Ungdomsklub (demo)': [
    {
      title: 'Fredagsklub med mad og lektiehjælp',
      category: 'school',
      tags: ['lektiehjælp', 'aftensmad', 'spil'],
      description:
        'Vi laver lektier, spiser sammen og spiller bagefter. En fast voksen sidder med barnet ved lektierne. Alle er velkomne, uanset tro.',
      ageMin: 10,
      ageMax: 14,
      schedule: [{ weekday: 5, from: '16:00', to: '19:00' }],
      postcode: '9690',
      address: 'Sognegården, Kirkestræde 2',
      places: 2,
      languages: ['dansk', 'arabisk'],
      accessibility: 'Elevator til første sal.',
    },
  ],
};

/**
 * Puts the demo offers in place for the demo organisations that exist (name → id); running it again
 * changes nothing, as each offer is upserted by organisation and title. Returns the ids by title.
 */
export async function seedDemoOffers(
  organisationIds: Map<string, string>,
  adultsByTitle: ReadonlyMap<string, string[]> = new Map(),
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [name, offers] of Object.entries(DEMO_OFFERS)) {
    const organisationId = organisationIds.get(name);
    if (!organisationId) continue;
    for (const offer of offers) {
      ids.set(
        offer.title,
        await upsertOffer(organisationId, { ...offer, adultIds: adultsByTitle.get(offer.title) ?? [] }),
      );
    }
  }
  return ids;
}
