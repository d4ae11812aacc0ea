import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { keptMarketplacePages } from '../../../src/components/offers/marketplace-page-cache.js';
import { OfferModel } from '../../../src/components/offers/offer-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { forgetAllReadModels, markChanged } from '../../../src/shared/db/index.js';
import { createUser, loginAs } from '../../helpers/accounts.js';
import { createOffer } from '../../helpers/offers.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('offers: the marketplace page kept per read-model value', () => {
  useTestDatabase();
  let app: Express;
  let organisationId: string;
  let offerId: string;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    app = buildTestApp();
    organisationId = await createOrganisation({ name: 'Nordstrand Gymnastik' });
    offerId = await createOffer(organisationId, { title: 'Gymnastik i Pandrup' });
  });

  it('when an offer is added on this instance, then the next visitor sees it although the search was kept', async () => {
    const first = await request(app).get('/tilbud').expect(200);
    assert.match(first.text, /Gymnastik i Pandrup/);
    assert.equal(keptMarketplacePages(), 1);

    await createOffer(organisationId, { title: 'Svømning i Pandrup' });
    const after = await request(app).get('/tilbud').expect(200);
    assert.match(after.text, /Svømning i Pandrup/);
    assert.match(after.text, /2 tilbud fundet/);
  });

  it('when the offers change behind this instance, then the change shows once the read model reloads', async () => {
    await request(app).get('/tilbud?kommune=0849').expect(200);
    await OfferModel.updateOne({ _id: offerId }, { $set: { title: 'Parkour i Pandrup' } });
    await markChanged('offers');

    // Within the bound the list may still show the value it had; once reloaded the kept page goes too.
    forgetAllReadModels();
    const reloaded = await request(app).get('/tilbud?kommune=0849').expect(200);
    assert.match(reloaded.text, /Parkour i Pandrup/);
    assert.doesNotMatch(reloaded.text, /Gymnastik i Pandrup/);
  });

  it('when a logged-in visitor opens a kept search, then the header is their own and nobody else sees it', async () => {
    const anonymous = await request(app).get('/tilbud').expect(200);
    assert.match(anonymous.text, /href="\/log-ind"/);

    const agent = await loginAs(app, await createUser({ name: 'Kirsten Frivillig' }));
    const theirs = await agent.get('/tilbud').expect(200);
    assert.match(theirs.text, /Logget ind som Kirsten Frivillig/);
    assert.doesNotMatch(theirs.text, /href="\/log-ind"/);
    assert.match(theirs.text, /Gymnastik i Pandrup/);
    // The same content was reused: the page below the header is the same for everyone.
    assert.equal(keptMarketplacePages(), 1);

    const again = await request(app).get('/tilbud').expect(200);
    assert.doesNotMatch(again.text, /Kirsten Frivillig/);
    assert.match(again.text, /href="\/log-ind"/);
  });

  it('when visitors ask in two languages, then each gets the list in their own', async () => {
    const danish = await request(app).get('/tilbud').set('Accept-Language', 'da').expect(200);
    const english = await request(app).get('/tilbud').set('Accept-Language', 'en').expect(200);
    assert.match(danish.text, /1 tilbud fundet/);
    assert.doesNotMatch(english.text, /tilbud fundet/);
    assert.equal(keptMarketplacePages(), 2);
  });
});
