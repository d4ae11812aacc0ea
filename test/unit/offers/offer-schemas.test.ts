import assert from 'node:assert/strict';
import { marketplaceSchema, offerSchema } from '../../../src/components/offers/offer-schemas.js';

const valid = {
  title: 'Tirsdagsgymnastik',
  category: 'sport',
  tags: 'Springgymnastik, leg, leg',
  description: 'Gymnastik og leg i hallen.',
  ageMin: '7',
  ageMax: '10',
  weekday1: '2',
  from1: '16:00',
  to1: '17:00',
  weekday2: '',
  from2: '',
  to2: '',
  postcode: '9490',
  address: '',
  places: '2',
  languages: 'Dansk',
  accessibility: '',
  adultIds: 'a1',
  endsOn: '',
};

function errorsOf(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]),
  );
}

describe('offers: form schemas', () => {
  it('when the offer form is filled in, then it becomes a typed offer with a schedule and clean lists', () => {
    const parsed = offerSchema.parse(valid);
    assert.equal(parsed.ageMin, 7);
    assert.equal(parsed.places, 2);
    assert.deepEqual(parsed.schedule, [{ weekday: 2, from: '16:00', to: '17:00' }]);
    assert.deepEqual(parsed.tags, ['springgymnastik', 'leg']);
    assert.deepEqual(parsed.languages, ['dansk']);
    assert.deepEqual(parsed.adultIds, ['a1']);
    assert.equal(parsed.address, undefined);
    assert.equal(parsed.endsOn, undefined);
    assert.ok(!('weekday1' in parsed));
  });

  it('when several adults are ticked, then they arrive as a list', () => {
    assert.deepEqual(offerSchema.parse({ ...valid, adultIds: ['a1', 'a2'] }).adultIds, ['a1', 'a2']);
    assert.deepEqual(offerSchema.parse({ ...valid, adultIds: undefined }).adultIds, []);
  });

  it('when fields are wrong, then every field gets its own message at once', () => {
    const errors = errorsOf(
      offerSchema.safeParse({
        ...valid,
        category: 'dans',
        ageMin: '12',
        ageMax: '8',
        from1: '17:00',
        to1: '16:00',
        weekday2: '9',
        postcode: '0000',
        places: '101',
        endsOn: '2026-02-30',
      }),
    );
    assert.deepEqual(errors, {
      category: 'offers.form.categoryRequired',
      ageMax: 'offers.form.ageOrder',
      weekday1: 'offers.form.window',
      weekday2: 'offers.form.window',
      postcode: 'organisations.register.postcodeUnknown',
      places: 'offers.form.places',
      endsOn: 'forms.errors.noSuchDate',
    });
  });

  it('when no time is given, then the first schedule row asks for one', () => {
    const errors = errorsOf(offerSchema.safeParse({ ...valid, weekday1: '', from1: '', to1: '' }));
    assert.equal(errors.weekday1, 'offers.form.windowRequired');
  });

  it('when a real end date is given, then it is that day at midnight UTC', () => {
    assert.equal(
      offerSchema.parse({ ...valid, endsOn: '2026-06-30' }).endsOn?.toISOString(),
      '2026-06-30T00:00:00.000Z',
    );
  });

  it('when fields the form does not have are posted (organisation, status, municipality, author), then parsing fails on unknown keys', () => {
    for (const key of ['organisationId', 'status', 'municipalityCode', 'createdBy', 'lat']) {
      const result = offerSchema.safeParse({ ...valid, [key]: 'x' });
      assert.equal(result.success, false, key);
      assert.ok(
        result.error.issues.some((issue) => issue.code === 'unrecognized_keys'),
        key,
      );
    }
  });

  it('when marketplace filters are empty or absent, then nothing is filtered and the page is 1', () => {
    const parsed = marketplaceSchema.parse({
      kommune: '',
      postnummer: '',
      afstand: '',
      kategori: '',
      alder: '',
      ugedag: '',
    });
    assert.deepEqual(parsed, {
      kommune: undefined,
      postnummer: undefined,
      afstand: undefined,
      kategori: undefined,
      alder: undefined,
      ugedag: undefined,
      side: 1,
    });
  });

  it('when marketplace filters are given, then they are typed', () => {
    const parsed = marketplaceSchema.parse({
      kommune: '0849',
      postnummer: '9490',
      afstand: '25',
      kategori: 'craft',
      alder: '9',
      ugedag: '2',
      side: '3',
    });
    assert.deepEqual(parsed, {
      kommune: '0849',
      postnummer: '9490',
      afstand: 25,
      kategori: 'craft',
      alder: 9,
      ugedag: 2,
      side: 3,
    });
  });

  it('when marketplace filters are wrong, then each says so by its field', () => {
    assert.deepEqual(
      errorsOf(
        marketplaceSchema.safeParse({
          kommune: 'x',
          postnummer: '0000',
          afstand: '500',
          kategori: 'dans',
          alder: '30',
          ugedag: '0',
        }),
      ),
      {
        kommune: 'offers.market.municipality',
        postnummer: 'organisations.register.postcodeUnknown',
        afstand: 'offers.market.distance',
        kategori: 'forms.errors.invalid',
        alder: 'offers.market.age',
        ugedag: 'offers.market.weekday',
      },
    );
    assert.deepEqual(errorsOf(marketplaceSchema.safeParse({ afstand: '10' })), {
      postnummer: 'offers.market.postcodeForDistance',
    });
  });
});
