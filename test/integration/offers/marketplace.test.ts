import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { placesInUseSeam } from '../../../src/components/offers/index.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { decideOrganisation } from '../../../src/components/organisations/organisation-service.js';
import { OrganisationModel } from '../../../src/components/organisations/organisation-model.js';
import { createUser } from '../../helpers/accounts.js';
import { createOffer } from '../../helpers/offers.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { provide } from '../../../src/shared/wiring/index.js';

/** The offer titles on a marketplace page, in the order shown. */
function titles(html: string): string[] {
  return [...html.matchAll(/<h3><a href="\/tilbud\/[0-9a-f]{24}">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
}

const context = {
  origin: { ip: '127.0.0.1', userAgent: 'test', requestId: 'r1' },
  baseUrl: 'http://localhost',
  language: 'da' as const,
};

describe('offers: the public marketplace', () => {
  useTestDatabase();
  let app: Express;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    await onboardMunicipality('0101');
    app = buildTestApp();
    const adult = await createUser({ name: 'Hemmelig Voksennavn' });
    const jammerbugt = await createOrganisation({ name: 'Nordstrand Gymnastik' });
    ids.jammerbugt = jammerbugt;
    const copenhagen = await createOrganisation({ name: 'Østerbro Kor', municipalityCode: '0101' });
    const pending = await upsertOrganisation({
      name: 'Venter Endnu',
      kind: 'association',
      description: 'Afventer godkendelse.',
      postcode: '9490',
      municipalityCodes: ['0849'],
      status: 'pending',
    });
    const suspended = await createOrganisation({ name: 'Suspenderet Klub' });
    await OrganisationModel.updateOne(
      { _id: suspended },
      { $set: { status: 'suspended', activeIn: [], 'approvals.0.decision': 'suspended' } },
    );
    const yesterday = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    ids.gymnastics = await createOffer(jammerbugt, {
      title: 'Gymnastik i Pandrup',
      adultIds: [adult.id],
      address: 'Hemmelig Hallvej 7',
      languages: ['dansk', 'engelsk'],
      accessibility: 'Trappefri adgang',
    });
    ids.carpentry = await createOffer(jammerbugt, {
      title: 'Snedkeri i Aabybro',
      category: 'craft',
      ageMin: 13,
      ageMax: 17,
      postcode: '9440',
      schedule: [{ weekday: 4, from: '15:00', to: '17:00' }],
    });
    ids.choir = await createOffer(copenhagen, {
      title: 'Kor på Østerbro',
      category: 'culture',
      ageMin: 10,
      ageMax: 14,
      postcode: '2100',
      schedule: [{ weekday: 3, from: '17:00', to: '18:00' }],
    });
    ids.paused = await createOffer(jammerbugt, { title: 'Sat på pause', status: 'paused' });
    ids.ended = await createOffer(jammerbugt, { title: 'Allerede slut', endsOn: yesterday });
    ids.pending = await createOffer(pending, { title: 'Fra en ventende forening' });
    ids.suspended = await createOffer(suspended, { title: 'Fra en suspenderet forening' });
    // Approved in Jammerbugt only, so an offer in Copenhagen does not show.
    ids.elsewhere = await createOffer(jammerbugt, { title: 'Uden for kommunen', postcode: '2100' });
  });

  it('when an anonymous visitor opens the marketplace, then only running offers of organisations approved where they are show', async () => {
    const response = await request(app).get('/tilbud');
    assert.equal(response.status, 200);
    assert.deepEqual(titles(response.text), ['Gymnastik i Pandrup', 'Kor på Østerbro', 'Snedkeri i Aabybro']);
    assert.match(response.text, /Nordstrand Gymnastik/);
    assert.match(response.text, /Pandrup/);
    assert.match(response.text, /Ledige pladser: 2 af 2/);
    assert.equal(response.headers['set-cookie'], undefined, 'a public read starts no session');
  });

  it('when an organisation is suspended on this instance after the marketplace was read, then its offers disappear at once', async () => {
    assert.equal(titles((await request(app).get('/tilbud')).text).length, 3);
    const admin = { userId: 'admin1', role: 'municipal-admin' as const, municipalityCode: '0849' };
    await decideOrganisation(admin, ids.jammerbugt!, 'suspended', { reason: 'Bekymring' }, context);
    assert.deepEqual(titles((await request(app).get('/tilbud')).text), ['Kor på Østerbro']);
  });

  it('when the visitor filters by municipality, category, age or weekday, then only matching offers show', async () => {
    const cases: Array<[string, string[]]> = [
      ['kommune=0849', ['Gymnastik i Pandrup', 'Snedkeri i Aabybro']],
      ['kommune=0101', ['Kor på Østerbro']],
      ['kategori=craft', ['Snedkeri i Aabybro']],
      ['alder=8', ['Gymnastik i Pandrup']],
      ['alder=13', ['Kor på Østerbro', 'Snedkeri i Aabybro']],
      ['ugedag=3', ['Kor på Østerbro']],
      ['kommune=0849&kategori=sport&alder=10&ugedag=2', ['Gymnastik i Pandrup']],
      ['kategori=faith', []],
    ];
    for (const [query, expected] of cases) {
      const response = await request(app).get(`/tilbud?${query}`);
      assert.equal(response.status, 200, query);
      assert.deepEqual(titles(response.text), expected, query);
    }
  });

  it('when the visitor filters by postcode and distance, then offers within it show, nearest first', async () => {
    const near = await request(app).get('/tilbud?postnummer=9490&afstand=5');
    assert.deepEqual(titles(near.text), ['Gymnastik i Pandrup']);
    const wider = await request(app).get('/tilbud?postnummer=9440&afstand=10');
    assert.deepEqual(titles(wider.text), ['Snedkeri i Aabybro', 'Gymnastik i Pandrup']);
    assert.match(wider.text, /8,\d km væk/);
    assert.match(wider.text, /Nærmeste først, højst 10 km fra 9440/);
    const defaultDistance = await request(app).get('/tilbud?postnummer=2100');
    assert.deepEqual(titles(defaultDistance.text), ['Kor på Østerbro']);
  });

  it('when an offer is shown, then neither the adults nor the address appear, in the list or the details', async () => {
    for (const path of ['/tilbud', `/tilbud/${ids.gymnastics}`]) {
      const response = await request(app).get(path);
      assert.equal(response.status, 200, path);
      assert.doesNotMatch(response.text, /Hemmelig/, path);
    }
    const details = await request(app).get(`/tilbud/${ids.gymnastics}`);
    assert.match(details.text, /Gymnastik og leg for børn i hallen/);
    assert.match(details.text, /tirsdag 16:00–17:00/);
    assert.match(details.text, /dansk, engelsk/);
    assert.match(details.text, /Trappefri adgang/);
  });

  it('when an offer is paused, ended, of a pending or suspended organisation or outside its approval, then its page is 404', async () => {
    for (const name of ['paused', 'ended', 'pending', 'suspended', 'elsewhere']) {
      assert.equal((await request(app).get(`/tilbud/${ids[name]}`)).status, 404, name);
    }
    for (const nonsense of ['123', '0'.repeat(24), 'zzzzzzzzzzzzzzzzzzzzzzzz']) {
      assert.equal((await request(app).get(`/tilbud/${nonsense}`)).status, 404, nonsense);
    }
  });

  it('when matching registers places in use, then free places are derived from it (never below 0)', async () => {
    const placesInUse = provide(placesInUseSeam, async (offerIds: string[]) => {
      assert.ok(offerIds.length <= 20, 'asked once for a page, not per offer');
      return new Map([
        [ids.gymnastics, 1],
        [ids.carpentry, 5],
      ]);
    });
    const withPlaces = buildTestApp({ provisions: [placesInUse] });
    const response = await request(withPlaces).get('/tilbud?kommune=0849');
    assert.match(response.text, /Ledige pladser: 1 af 2/);
    assert.match(response.text, /Ledige pladser: 0 af 2/);
    const details = await request(withPlaces).get(`/tilbud/${ids.gymnastics}`);
    assert.match(details.text, /Ledige pladser: 1 af 2/);
  });

  it('when filter values are wrong, then the page answers 400 with a message by each field, never 500', async () => {
    const cases: Array<[string, string]> = [
      ['alder=abc', 'alder'],
      ['alder=99', 'alder'],
      ['postnummer=0000', 'postnummer'],
      ['postnummer=9490&afstand=9999', 'afstand'],
      ['postnummer=9490&afstand=-3', 'afstand'],
      ['afstand=10', 'postnummer'],
      ['kategori=dans', 'kategori'],
      ['kategori=sport&kategori=craft', 'kategori'],
      ['ugedag=8', 'ugedag'],
      ['kommune=0851', 'kommune'],
      ['kommune=%24ne', 'kommune'],
    ];
    for (const [query, field] of cases) {
      const response = await request(app).get(`/tilbud?${query}`);
      assert.equal(response.status, 400, query);
      assert.match(response.text, new RegExp(`id="${field}-error"`), query);
      assert.match(response.text, /Der er et problem/, query);
    }
  });

  it('when a query string carries operators or prototype keys, then the answer is a plain 400, never 500', async () => {
    for (const query of ['kommune[$ne]=x', '__proto__[x]=1', 'constructor=1', 'sort=title', 'side[$gt]=1']) {
      const response = await request(app).get(`/tilbud?${query}`);
      assert.equal(response.status, 400, query);
      assert.doesNotMatch(response.text, /MongoServerError|CastError|node_modules/);
    }
  });

  it('when there are more offers than a page, then pages link to each other and keep the filters', async () => {
    const organisation = await createOrganisation({ name: 'Stor Forening' });
    for (let n = 0; n < 23; n += 1) {
      await createOffer(organisation, {
        title: `Side-test ${String(n).padStart(2, '0')}`,
        category: 'outdoor',
      });
    }
    const first = await request(app).get('/tilbud?kategori=outdoor');
    assert.equal(titles(first.text).length, 20);
    assert.match(first.text, /23 tilbud fundet/);
    // Handlebars escapes = and & in attributes; the browser reads them back.
    const unescaped = first.text.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
    assert.match(unescaped, /href="\/tilbud\?kategori=outdoor&side=2" rel="next"/);
    const second = await request(app).get('/tilbud?kategori=outdoor&side=2');
    assert.deepEqual(titles(second.text), ['Side-test 20', 'Side-test 21', 'Side-test 22']);
    const beyond = await request(app).get('/tilbud?kategori=outdoor&side=50');
    assert.equal(titles(beyond.text).length, 3);
  });
});
