import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { addMonths, currentYear } from '../../../src/components/vetting/index.js';
import { DeclarationModel } from '../../../src/components/vetting/declaration-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, type Agent } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { tableOf } from '../../helpers/reporting.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, createVettedMember } from '../../helpers/vetting.js';

const PAGE = '/kommune/rapport/godkendelser';

const declare = (organisationId: string, year: number) =>
  DeclarationModel.create({
    organisationId,
    year,
    declaredBy: 'coordinator',
    declaredAt: new Date(),
    validUntil: new Date(Date.UTC(year, 11, 31)),
  });

/**
 * Jammerbugt (0849): association A has five active members (one vetted, one whose certificate runs out in
 * 30 days, two whose certificates ran out, one waiting for an order); business B has two vetted members,
 * one of them also one of A's run-out members (so that person counts once, as valid). Association C has no
 * members and has not declared; A declared this year and C last year only. Copenhagen's association
 * (0101) has three vetted members and has not declared.
 */
async function seedKnownVetting(): Promise<void> {
  const longAgo = addMonths(new Date(), -26);
  const a = await createOrganisation({ name: 'Forening A', municipalityCode: '0849' });
  const b = await upsertOrganisation({
    name: 'Virksomhed B',
    kind: 'business',
    description: 'En virksomhed til tests.',
    postcode: '9440',
    municipalityCodes: ['0849'],
    status: 'approved',
  });
  const c = await createOrganisation({ name: 'Forening C', municipalityCode: '0849' });
  await createVettedMember(a, { state: 'vetted' });
  await createVettedMember(a, { state: 'expiring' });
  const both = await createVettedMember(a, { state: 'vetted', now: longAgo });
  await createVettedMember(a, { state: 'vetted', now: longAgo });
  await createVettedMember(a, { state: 'ordered-waiting' });
  await createVettedMember(b, { state: 'vetted', user: both });
  await createVettedMember(b, { state: 'vetted' });
  await declare(a, currentYear());
  await declare(c, currentYear() - 1);
  const copenhagen = await createOrganisation({ name: 'Københavnsk forening', municipalityCode: '0101' });
  for (let i = 0; i < 3; i += 1) await createVettedMember(copenhagen, { state: 'vetted' });
  await createMember(copenhagen);
}

describe('the vetting health report', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    await seedKnownVetting();
  });

  const adminOf = async (municipalityCode: string): Promise<Agent> =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  it('when the administrator opens it, then members are counted by certificate, each person once', async () => {
    const page = await (await adminOf('0849')).get(PAGE);
    assert.equal(page.status, 200);
    const people = tableOf(page.text, 'people');
    assert.deepEqual(people['Gyldig børneattest'], ['3']);
    assert.deepEqual(people['Gyldig, udløber inden for 60 dage'], ['1']);
    assert.deepEqual(people['Udløbet'], ['1']);
    assert.deepEqual(people['Ingen gyldig børneattest endnu'], ['1']);
    assert.deepEqual(people['I alt'], ['6']);
    assert.match(
      page.text,
      /4 af 6 aktive medlemmer har en gyldig børneattest; for 1 af dem udløber den inden for 60 dage, og 1 har en attest, der er udløbet\./,
    );
  });

  it('when certificates run out soon or have run out, then the home links to the report with how many', async () => {
    const home = await (await adminOf('0849')).get('/overblik');
    assert.match(
      home.text,
      /<a href="\/kommune\/rapport\/godkendelser"><span class="home-item__count">2<\/span> <span class="home-item__label">frivillige, hvis børneattest snart udløber eller er udløbet/,
    );
  });

  it('when organisations have members, then each organisation counts its own, small numbers shown as they are', async () => {
    const page = await (await adminOf('0849')).get(PAGE);
    const organisations = tableOf(page.text, 'organisations');
    assert.deepEqual(organisations['Forening A'], ['5', '1', '1', '2', '1']);
    assert.deepEqual(organisations['Virksomhed B'], ['2', '2', '0', '0', '0']);
    assert.deepEqual(organisations['Forening C'], ['0', '0', '0', '0', '0']);
  });

  it("when associations have declared or not, then this year's declarations are counted, businesses left out", async () => {
    const page = await (await adminOf('0849')).get(PAGE);
    const declarations = tableOf(page.text, 'declarations');
    assert.deepEqual(declarations['Forening A'], ['Afgivet']);
    assert.deepEqual(declarations['Forening C'], ['Mangler'], "last year's declaration does not count");
    assert.equal(declarations['Virksomhed B'], undefined);
    assert.match(
      page.text,
      new RegExp(`1 af 2 foreninger har afgivet erklæring for ${currentYear()}; 1 mangler\\.`),
    );
  });

  it('when a table is exported, then the CSV has a BOM and semicolons, and is audited', async () => {
    const csv = await (await adminOf('0849')).get(`${PAGE}/csv?tabel=organisations`);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.ok(
      csv.text.startsWith(
        '\uFEFFOrganisation;Aktive medlemmer;Gyldig børneattest;Gyldig, udløber inden for 60 dage;Udløbet;Ingen gyldig børneattest endnu\r\n',
      ),
      csv.text.slice(0, 80),
    );
    assert.match(csv.text, /\r\nForening A;5;1;1;2;1\r\n/);
    const declarations = await (await adminOf('0849')).get(`${PAGE}/csv?tabel=declarations`);
    assert.match(declarations.text, /\r\nForening C;Mangler\r\n/);
    const audit = await AuditEventModel.findOne({ action: 'reporting.exported' }).lean();
    assert.equal(audit?.municipalityCode, '0849');
    assert.equal((await (await adminOf('0849')).get(`${PAGE}/csv?tabel=people-names`)).status, 400);
  });

  it("when another municipality's administrator opens it, then they see only their own organisations", async () => {
    const admin = await adminOf('0101');
    const page = await admin.get(PAGE);
    assert.doesNotMatch(page.text, /Forening A|Virksomhed B|Forening C/);
    assert.deepEqual(tableOf(page.text, 'people')['I alt'], ['4']);
    assert.deepEqual(tableOf(page.text, 'organisations')['Københavnsk forening'], ['4', '3', '0', '0', '1']);
    const csv = await admin.get(`${PAGE}/csv?tabel=declarations`);
    assert.doesNotMatch(csv.text, /Forening A|Forening C/);
    assert.match(csv.text, /\r\nKøbenhavnsk forening;Mangler\r\n/);
  });

  it('when someone other than a municipal administrator asks, then the page and its exports are not there', async () => {
    const coordinator = await createUser({
      roles: [{ role: 'coordinator', organisationId: await createOrganisation() }],
    });
    const worker = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      totp: true,
    });
    for (const user of [coordinator, worker, await createUser({})]) {
      const agent = await loginAs(app, user);
      assert.equal((await agent.get(PAGE)).status, 404);
      assert.equal((await agent.get(`${PAGE}/csv?tabel=people`)).status, 404);
    }
  });
});
