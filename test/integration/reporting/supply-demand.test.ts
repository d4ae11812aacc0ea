import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { upsertRequest } from '../../../src/components/requests/index.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, type Agent } from '../../helpers/accounts.js';
import { createMatch } from '../../helpers/matching.js';
import { createOffer } from '../../helpers/offers.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { tableOf } from '../../helpers/reporting.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const PAGE = '/kommune/rapport/udbud';

let caseCounter = 0;
async function openRequest(
  municipalityCode: string,
  postcode: string,
  interests: string[] = [],
  status?: 'matched',
) {
  caseCounter += 1;
  return upsertRequest({
    municipalityCode,
    responsibleId: 'worker',
    caseRef: `SAG-UDBUD-${caseCounter}`,
    birthYear: 2016,
    birthMonth: 5,
    postcode,
    preventsStep: 'family-support',
    interests,
    ...(status ? { status } : {}),
  });
}

/**
 * Jammerbugt (0849): offers in Pandrup (9490: sport, 2 places with 1 taken; craft tagged "fodbold", 3 places)
 * and Brovst (9460: sport tagged "fodbold", 1 place); an organisation not approved in Jammerbugt has an offer
 * in Aabybro that does not count. Open requests: 7 in Pandrup (6 "fodbold", 1 "skak"), 2 in Brovst, 5 in
 * Fjerritslev (9690), and a matched one in Aabybro that does not count. Copenhagen (0101) has 8 open
 * requests and an offer of its own.
 */
async function seedKnownSupply(): Promise<void> {
  const club = await createOrganisation({ municipalityCode: '0849' });
  const taken = await createOffer(club, { postcode: '9490', category: 'sport', places: 2 });
  await createOffer(club, { postcode: '9490', category: 'craft', tags: ['Fodbold'], places: 3 });
  await createOffer(club, { postcode: '9460', category: 'sport', tags: ['fodbold'], places: 1 });
  const elsewhere = await upsertOrganisation({
    name: 'Forening uden godkendelse i Jammerbugt',
    kind: 'association',
    description: 'Arbejder kun i København.',
    postcode: '2100',
    municipalityCodes: ['0101'],
    status: 'approved',
  });
  await createOffer(elsewhere, { postcode: '9440', category: 'culture', places: 9 });
  for (let i = 0; i < 6; i += 1) await openRequest('0849', '9490', ['fodbold']);
  await openRequest('0849', '9490', ['skak']);
  for (let i = 0; i < 2; i += 1) await openRequest('0849', '9460');
  for (let i = 0; i < 5; i += 1) await openRequest('0849', '9690');
  const matched = await openRequest('0849', '9440', ['fodbold'], 'matched');
  await createMatch({
    requestId: matched,
    organisationId: club,
    volunteerId: 'volunteer-1',
    proposedBy: 'worker',
    state: 'active',
    offerId: taken,
  });
  const copenhagen = await createOrganisation({ municipalityCode: '0101' });
  await createOffer(copenhagen, { postcode: '2100', category: 'culture', places: 4 });
  for (let i = 0; i < 8; i += 1) await openRequest('0101', '2100', ['musik']);
}

describe('the supply and demand report', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    await seedKnownSupply();
  });

  const adminOf = async (municipalityCode: string): Promise<Agent> =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  it('when the administrator opens it, then offers, free places and open requests per postcode are as seeded, small areas held back', async () => {
    const page = await (await adminOf('0849')).get(PAGE);
    assert.equal(page.status, 200);
    const areas = tableOf(page.text, 'areas');
    assert.deepEqual(areas['9490 Pandrup'], ['2', '4', '7', '3']);
    // Brovst (2) is held back, and Fjerritslev (5) with it: otherwise the total minus the shown areas gives Brovst away.
    assert.deepEqual(areas['9460 Brovst'], ['1', '1', '< 5', '< 5']);
    assert.deepEqual(areas['9690 Fjerritslev'], ['0', '0', '< 5', '< 5']);
    assert.deepEqual(
      areas['9440 Aabybro'],
      ['0', '0', '0', '0'],
      'the unapproved organisation and the matched request do not count',
    );
    assert.deepEqual(areas['I alt'], ['3', '5', '14', '9']);
    assert.match(
      page.text,
      /Der er 14 åbne anmodninger, som venter på en voksen, og 5 ledige pladser i 3 tilbud\./,
    );
    assert.match(page.text, /Der mangler frivillige i: 9490 Pandrup \(3\)/);
  });

  it('when areas are short of volunteers, then the home links to the report with how many', async () => {
    const home = await (await adminOf('0849')).get('/overblik');
    assert.match(
      home.text,
      /<a href="\/kommune\/rapport\/udbud"><span class="home-item__count">1<\/span> <span class="home-item__label">område, hvor der mangler frivillige/,
    );
  });

  it('when offers have categories and requests interests, then both tables count them, rare interests not named', async () => {
    const page = await (await adminOf('0849')).get(PAGE);
    const categories = tableOf(page.text, 'categories');
    assert.deepEqual(categories['Sport og bevægelse'], ['2', '3', '2']);
    assert.deepEqual(categories['Håndværk og fag'], ['1', '3', '3']);
    assert.deepEqual(categories['Musik og kultur'], ['0', '0', '0']);
    assert.deepEqual(categories['I alt'], ['3', '6', '5']);
    const interests = tableOf(page.text, 'interests');
    assert.deepEqual(interests['fodbold'], ['6', '2', '4']);
    assert.equal(interests['skak'], undefined, 'an interest of one child is never named');
    assert.deepEqual(interests['Anmodninger med andre interesser (hver nævnt af færre end 5)'], [
      '< 5',
      '–',
      '–',
    ]);
  });

  it('when the map is drawn, then it is an accessible SVG whose held-back areas show no gap', async () => {
    const page = await (await adminOf('0849')).get(PAGE);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page.text)![0];
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-labelledby="supply-map-title"/);
    assert.match(
      svg,
      /<title id="supply-map-title">Åbne anmodninger mod ledige pladser pr\. postnummer i Jammerbugt<\/title>/,
    );
    assert.match(svg, /data-need="short" data-postcode="9490"/);
    assert.match(svg, /data-need="held-back" data-postcode="9460"/);
    assert.match(svg, /data-need="no-demand" data-postcode="9440"/);
    assert.match(svg, />9490 \(\+3\)</);
    assert.match(svg, />9460</);
    assert.doesNotMatch(svg, /9460 \(/, 'no gap beside a held-back area');
    assert.equal((svg.match(/data-postcode=/g) ?? []).length, 6, 'one circle per Jammerbugt postcode');
  });

  it('when a table is exported, then the CSV has a BOM, semicolons, "< 5" where held back, and is audited', async () => {
    const csv = await (await adminOf('0849')).get(`${PAGE}/csv?tabel=areas`);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.match(
      String(csv.headers['content-disposition']),
      /attachment; filename="?brobygning-udbud-areas.csv/,
    );
    assert.ok(
      csv.text.startsWith(
        '\uFEFFPostnummer;Tilbud;Ledige pladser;Åbne anmodninger;Mangler (anmodninger minus ledige pladser)\r\n',
      ),
      csv.text.slice(0, 80),
    );
    assert.match(csv.text, /\r\n9490 Pandrup;2;4;7;3\r\n/);
    assert.match(csv.text, /\r\n9460 Brovst;1;1;< 5;< 5\r\n/);
    assert.match(csv.text, /\r\nI alt;3;5;14;9\r\n/);
    const audit = await AuditEventModel.findOne({ action: 'reporting.exported' }).lean();
    assert.equal(audit?.municipalityCode, '0849');
    const interests = await (await adminOf('0849')).get(`${PAGE}/csv?tabel=interests`);
    assert.match(interests.text, /\r\nfodbold;6;2;4\r\n/);
  });

  it('when the table asked for does not exist, then the answer is 400', async () => {
    assert.equal((await (await adminOf('0849')).get(`${PAGE}/csv?tabel=children`)).status, 400);
  });

  it("when another municipality's administrator opens it, then they see only their own municipality", async () => {
    const admin = await adminOf('0101');
    const page = await admin.get(PAGE);
    assert.equal(page.status, 200);
    const areas = tableOf(page.text, 'areas');
    assert.deepEqual(areas['2100 København Ø'], ['1', '4', '8', '4']);
    assert.deepEqual(areas['I alt'], ['1', '4', '8', '4']);
    assert.doesNotMatch(page.text, /Pandrup/);
    const csv = await admin.get(`${PAGE}/csv?tabel=areas`);
    assert.doesNotMatch(csv.text, /Pandrup|9490/);
    assert.match(csv.text, /\r\nI alt;1;4;8;4\r\n/);
  });

  it('when someone other than a municipal administrator asks, then the page and its exports are not there', async () => {
    for (const role of ['social-worker', 'coordinator', 'volunteer'] as const) {
      const user = await createUser({
        roles: [
          role === 'coordinator'
            ? { role, organisationId: await createOrganisation() }
            : role === 'social-worker'
              ? { role, municipalityCode: '0849' }
              : { role },
        ],
        totp: role === 'social-worker',
      });
      const agent = await loginAs(app, user);
      assert.equal((await agent.get(PAGE)).status, 404, role);
      assert.equal((await agent.get(`${PAGE}/csv?tabel=areas`)).status, 404, role);
    }
  });
});
