import assert from 'node:assert/strict';
import { OfferModel } from '../../../src/components/offers/offer-model.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { DEMO_ORGANISATIONS } from '../../../src/demo/demo-content.js';
import { DEMO_OFFERS, seedDemoOffers } from '../../../src/demo/demo-offers.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('offers: indexes and demo data', () => {
  useTestDatabase();

  it('when the app has started, then the offer indexes the lists rely on exist', async () => {
    const keys = (await OfferModel.collection.listIndexes().toArray()).map((index) =>
      JSON.stringify(index.key),
    );
    for (const expected of [{ organisationId: 1, status: 1 }, { status: 1 }]) {
      assert.ok(keys.includes(JSON.stringify(expected)), JSON.stringify(expected));
    }
  });

  it('when the demo offers are seeded twice, then each demo organisation has its offers once', async () => {
    const ids = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS)
      ids.set(organisation.name, await upsertOrganisation(organisation));
    const expected = Object.values(DEMO_OFFERS).flat().length;
    assert.equal((await seedDemoOffers(ids)).size, expected);
    await seedDemoOffers(ids);
    assert.equal(await OfferModel.countDocuments(), expected);
    for (const [name, offers] of Object.entries(DEMO_OFFERS)) {
      assert.ok(offers.length >= 1 && offers.length <= 3, name);
      assert.equal(await OfferModel.countDocuments({ organisationId: ids.get(name) }), offers.length, name);
    }
    const gymnastics = await OfferModel.findOne({ title: 'Tirsdagsgymnastik for 7–10-årige' }).lean();
    assert.equal(gymnastics?.municipalityCode, '0849');
    assert.deepEqual(gymnastics?.weekdays, [2]);
  });
});
