import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { placesInUseSeam } from '../../../src/components/offers/index.js';
import { OfferModel } from '../../../src/components/offers/offer-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { moveMembership } from '../../../src/components/organisations/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { createOffer } from '../../helpers/offers.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { provide } from '../../../src/shared/wiring/index.js';

/** POSTs a raw urlencoded body with the page's CSRF token (raw, so repeated fields stay repeated). */
async function post(agent: Agent, pagePath: string, postPath: string, body: string) {
  const token = csrfFrom((await agent.get(pagePath)).text);
  return agent
    .post(postPath)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${encodeURIComponent(token)}${body ? `&${body}` : ''}`);
}

function offerBody(adultIds: string[], overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    title: 'Tirsdagsgymnastik',
    category: 'sport',
    tags: 'springgymnastik, leg',
    description: 'Gymnastik og leg i Pandrup-hallen for to børn.',
    ageMin: '7',
    ageMax: '10',
    weekday1: '2',
    from1: '16:00',
    to1: '17:00',
    postcode: '9490',
    address: 'Hallvej 1',
    places: '2',
    languages: 'dansk, engelsk',
    accessibility: 'Trappefri adgang',
    endsOn: '',
    ...overrides,
  };
  const encoded = Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return [...encoded, ...adultIds.map((id) => `adultIds=${id}`)].join('&');
}

describe('offers: the coordinator pages', () => {
  useTestDatabase();
  let app: Express;
  let organisationId: string;
  let coordinatorId: string;
  let coordinator: TestUser;
  let agent: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    app = buildTestApp();
    organisationId = await createOrganisation({ name: 'Nordstrand Gymnastik' });
    coordinator = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId }],
    });
    coordinatorId = coordinator.id;
    await moveMembership(organisationId, coordinatorId, 'active', coordinatorId);
    agent = await loginAs(app, coordinator);
  });

  it('when a coordinator creates an offer, then it is stored for their organisation with the place derived from the postcode', async () => {
    const page = await agent.get('/forening/tilbud/ny');
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`id="adult-${coordinatorId}"[^>]*checked`));
    assert.match(page.text, /Karin Koordinator/);

    const response = await post(
      agent,
      '/forening/tilbud/ny',
      '/forening/tilbud/ny',
      offerBody([coordinatorId]),
    );
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/forening/tilbud');
    const offer = await OfferModel.findOne({ organisationId }).lean();
    assert.equal(offer?.title, 'Tirsdagsgymnastik');
    assert.equal(offer?.municipalityCode, '0849');
    assert.equal(offer?.status, 'active');
    assert.equal(offer?.createdBy, coordinatorId);
    assert.deepEqual(offer?.weekdays, [2]);
    assert.deepEqual(offer?.tags, ['springgymnastik', 'leg']);
    assert.deepEqual(offer?.adultIds, [coordinatorId]);
    assert.ok(await AuditEventModel.findOne({ action: 'offer.created', objectId: String(offer?._id) }));

    const list = await agent.get('/forening/tilbud');
    assert.match(list.text, /Tilbuddet er oprettet/);
    assert.match(list.text, /Tirsdagsgymnastik/);
    assert.match(list.text, /2 af 2/);
  });

  it('when the form is wrong, then each field says what is wrong (400) and what was typed stays', async () => {
    const response = await post(
      agent,
      '/forening/tilbud/ny',
      '/forening/tilbud/ny',
      offerBody([], {
        title: 'Ok titel',
        category: 'dans',
        description: 'kort',
        ageMin: '12',
        ageMax: '8',
        weekday1: '2',
        from1: '17:00',
        to1: '16:00',
        postcode: '0000',
        places: '0',
        endsOn: '2026-02-31',
      }),
    );
    assert.equal(response.status, 400);
    for (const field of ['category', 'description', 'ageMax', 'weekday1', 'postcode', 'places', 'endsOn']) {
      assert.match(response.text, new RegExp(`id="${field}-error"`), field);
    }
    assert.match(response.text, /»Til« skal være den samme alder som »fra« eller højere/);
    assert.match(response.text, /value="Ok titel"/);
    assert.match(response.text, />kort<\/textarea>/);
    assert.match(response.text, /id="from1" name="from1" type="time" value="17:00"/);
    assert.match(response.text, /<option value="2" selected>tirsdag/);
    assert.equal(await OfferModel.countDocuments(), 0);
  });

  it('when no adult or a non-member is chosen, then the adults field says so and the ticks stay', async () => {
    const outsider = await createUser({});
    const none = await post(agent, '/forening/tilbud/ny', '/forening/tilbud/ny', offerBody([]));
    assert.equal(none.status, 400);
    assert.match(none.text, /Vælg mindst én voksen/);
    const foreign = await post(
      agent,
      '/forening/tilbud/ny',
      '/forening/tilbud/ny',
      offerBody([coordinatorId, outsider.id]),
    );
    assert.equal(foreign.status, 400);
    assert.match(foreign.text, /Vælg kun blandt jeres aktive medlemmer/);
    assert.match(foreign.text, new RegExp(`id="adult-${coordinatorId}"[^>]*checked`));
    assert.match(foreign.text, /value="Tirsdagsgymnastik"/);
    assert.equal(await OfferModel.countDocuments(), 0);
  });

  it('when hidden fields for organisation, status, municipality or author are added, then the form is refused with 400', async () => {
    for (const extra of [
      'organisationId=000000000000000000000000',
      'status=paused',
      'municipalityCode=0101',
      'createdBy=someone',
    ]) {
      const response = await post(
        agent,
        '/forening/tilbud/ny',
        '/forening/tilbud/ny',
        `${offerBody([coordinatorId])}&${extra}`,
      );
      assert.equal(response.status, 400, extra);
    }
    assert.equal(await OfferModel.countDocuments(), 0);
  });

  it('when a coordinator edits an offer, then the form shows it and the changes are saved', async () => {
    const offerId = await createOffer(organisationId, { title: 'Gammel titel', adultIds: [coordinatorId] });
    const page = await agent.get(`/forening/tilbud/${offerId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /value="Gammel titel"/);
    assert.match(page.text, new RegExp(`id="adult-${coordinatorId}"[^>]*checked`));

    const response = await post(
      agent,
      `/forening/tilbud/${offerId}`,
      `/forening/tilbud/${offerId}`,
      offerBody([coordinatorId], { title: 'Ny titel', postcode: '9440', address: '', endsOn: '2030-06-30' }),
    );
    assert.equal(response.status, 303);
    const offer = await OfferModel.findById(offerId).lean();
    assert.equal(offer?.title, 'Ny titel');
    assert.equal(offer?.postcode, '9440');
    assert.equal(offer?.address, undefined);
    assert.equal(offer?.endsOn?.toISOString().slice(0, 10), '2030-06-30');

    const invalid = await post(
      agent,
      `/forening/tilbud/${offerId}`,
      `/forening/tilbud/${offerId}`,
      offerBody([coordinatorId], { places: 'mange' }),
    );
    assert.equal(invalid.status, 400);
    assert.match(invalid.text, /Skriv et antal pladser fra 1 til 100/);
    assert.match(invalid.text, /value="mange"/);
  });

  it('when a coordinator pauses and activates an offer, then its status follows and it is audited', async () => {
    const offerId = await createOffer(organisationId);
    const paused = await post(agent, '/forening/tilbud', `/forening/tilbud/${offerId}/pause`, '');
    assert.equal(paused.status, 303);
    assert.equal((await OfferModel.findById(offerId).lean())?.status, 'paused');
    const list = await agent.get('/forening/tilbud');
    assert.match(list.text, /Sat på pause/);
    assert.match(list.text, new RegExp(`/forening/tilbud/${offerId}/aktiver`));

    const market = await request(app).get('/tilbud');
    assert.doesNotMatch(market.text, new RegExp(offerId), 'a paused offer leaves the marketplace at once');

    const activated = await post(agent, '/forening/tilbud', `/forening/tilbud/${offerId}/aktiver`, '');
    assert.equal(activated.status, 303);
    assert.equal((await OfferModel.findById(offerId).lean())?.status, 'active');
    assert.equal(await AuditEventModel.countDocuments({ objectId: offerId }), 2);
    assert.match((await request(app).get('/tilbud')).text, new RegExp(offerId));

    const tampered = await post(
      agent,
      '/forening/tilbud',
      `/forening/tilbud/${offerId}/pause`,
      'status=active',
    );
    assert.equal(tampered.status, 400);
  });

  it('when a coordinator of another organisation uses an offer id, then every offer route answers 404 and nothing changes', async () => {
    const offerId = await createOffer(organisationId, { adultIds: [coordinatorId] });
    const otherOrganisation = await createOrganisation({ name: 'Anden Forening' });
    const other = await createUser({ roles: [{ role: 'coordinator', organisationId: otherOrganisation }] });
    await moveMembership(otherOrganisation, other.id, 'active', other.id);
    const intruder = await loginAs(app, other);

    assert.equal((await intruder.get(`/forening/tilbud/${offerId}`)).status, 404);
    for (const path of [
      `/forening/tilbud/${offerId}`,
      `/forening/tilbud/${offerId}/pause`,
      `/forening/tilbud/${offerId}/aktiver`,
    ]) {
      const response = await post(intruder, '/forening/tilbud', path, offerBody([other.id]));
      assert.equal(response.status, 404, path);
    }
    const list = await intruder.get('/forening/tilbud');
    assert.doesNotMatch(list.text, new RegExp(offerId));
    for (const nonsense of ['123', 'zzzzzzzzzzzzzzzzzzzzzzzz', '%24ne']) {
      assert.equal((await intruder.get(`/forening/tilbud/${nonsense}`)).status, 404, nonsense);
    }
    const offer = await OfferModel.findById(offerId).lean();
    assert.equal(offer?.status, 'active');
    assert.equal(offer?.title.startsWith('Testtilbud'), true);
  });

  it('when matching reports places in use, then the coordinator list shows the free places derived from it', async () => {
    const offerId = await createOffer(organisationId, { places: 3 });
    const withPlaces = buildTestApp({
      provisions: [provide(placesInUseSeam, async () => new Map([[offerId, 2]]))],
    });
    const elsewhere = await loginAs(withPlaces, coordinator);
    assert.match((await elsewhere.get('/forening/tilbud')).text, /1 af 3/);
    // The app of every component counts the places from its matches: none here.
    assert.match((await agent.get('/forening/tilbud')).text, /3 af 3/);
  });

  it('when a volunteer or an administrator asks for the offer pages, then they get 404', async () => {
    const volunteer = await loginAs(app, await createUser({}));
    assert.equal((await volunteer.get('/forening/tilbud')).status, 404);
    assert.equal((await volunteer.get('/forening/tilbud/ny')).status, 404);
  });
});
