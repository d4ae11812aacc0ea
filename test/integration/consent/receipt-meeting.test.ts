import assert from 'node:assert/strict';
import type { Express } from 'express';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { OfferModel } from '../../../src/components/offers/offer-model.js';
import { loginAs } from '../../helpers/accounts.js';
import { recordConsentThroughForm } from '../../helpers/consent.js';
import { followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { createOffer } from '../../helpers/offers.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe("the family's receipt: activity, time, place and whom to call", function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let c: FollowUpCase;

  beforeEach(async () => {
    app = buildTestApp();
    c = await followUpCase('awaiting-consent');
    await UserModel.updateOne({ _id: c.sara.id }, { $set: { name: 'Sara Holm', phone: '72 57 70 00' } });
  });

  it('when the match names an offer, then the receipt names its activity, weekly time, place and the social worker’s phone', async () => {
    const offerId = await createOffer(c.organisationId, {
      title: 'Gymnastik for de 7-10-årige',
      schedule: [{ weekday: 2, from: '16:00', to: '17:00' }],
      address: 'Hallvej 4',
      postcode: '9490',
    });
    await MatchModel.updateOne({ _id: c.matchId }, { $set: { offerId } });
    const receipt = await recordConsentThroughForm(await loginAs(app, c.sara), c.requestId, c.matchId);
    assert.equal(receipt.status, 200);
    const page = text(receipt.text);
    assert.match(page, /Aktivitet, tid og sted/);
    assert.match(page, /Aktivitet Gymnastik for de 7-10-årige/);
    assert.match(page, /Hvornår tirsdag kl\. 16:00–17:00/);
    assert.match(page, /Sted Hallvej 4, 9490 Pandrup/);
    assert.match(page, /Ring til Sara Holm på 72 57 70 00/);
    assert.match(receipt.text, /href="tel:72 57 70 00"/);
  });

  it('when the offer address has changed, then the receipt names the address as it is now', async () => {
    const offerId = await createOffer(c.organisationId, { title: 'Svømning', address: 'Badevej 1' });
    await MatchModel.updateOne({ _id: c.matchId }, { $set: { offerId } });
    await OfferModel.updateOne({ _id: offerId }, { $set: { address: 'Nyt bad, Strandvej 2' } });
    const receipt = await recordConsentThroughForm(await loginAs(app, c.sara), c.requestId, c.matchId);
    assert.match(text(receipt.text), /Sted Nyt bad, Strandvej 2, 9490 Pandrup/);
  });

  it('when the match names no offer and the worker has no phone, then the activity is the ask, time and place are agreed with the organisation, and no number is invented', async () => {
    await UserModel.updateOne({ _id: c.sara.id }, { $unset: { phone: 1 } });
    const receipt = await recordConsentThroughForm(await loginAs(app, c.sara), c.requestId, c.matchId);
    const page = text(receipt.text);
    assert.match(page, /Aktivitet Tag barnet med til træning om tirsdagen\./);
    assert.match(page, /Tid og sted aftales med foreningen\./);
    assert.match(page, /Jeres socialrådgiver er Sara Holm\./);
    assert.doesNotMatch(receipt.text, /href="tel:/);
  });
});
