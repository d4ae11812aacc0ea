import { upsertOffer, type OfferSeed } from '../../src/components/offers/index.js';

let counter = 0;

/** An active offer of the organisation (gymnastics in Pandrup unless told otherwise); returns its id. */
export async function createOffer(
  organisationId: string,
  overrides: Partial<OfferSeed> = {},
): Promise<string> {
  counter += 1;
  return upsertOffer(organisationId, {
    title: `Testtilbud ${counter}`,
    category: 'sport',
    description: 'Gymnastik og leg for børn i hallen.',
    ageMin: 7,
    ageMax: 10,
    schedule: [{ weekday: 2, from: '16:00', to: '17:00' }],
    postcode: '9490',
    places: 2,
    ...overrides,
  });
}
