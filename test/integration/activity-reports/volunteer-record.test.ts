import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { createUser, loginAs, type TestUser } from '../../helpers/accounts.js';
import { activityCheckIn, activityMatch } from '../../helpers/activity-reports.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, createVettedMember } from '../../helpers/vetting.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

function rowsOf(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*data-table="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  assert.ok(table, `table ${id} is on the page`);
  return [...table[1]!.matchAll(/<tr>\s*<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)].map((row) => [
    row[1]!.trim(),
    ...[...row[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1]!.trim()),
  ]);
}

/**
 * Vera's known volunteering: with Nordstrand IF from 10 March 2025 (still running; check-ins answered
 * with 3, 4 and 2 meetings), with Vesterhav BK from 1 June to 1 September 2025 (one check-in, 5
 * meetings) and the same child again there from 1 October to 15 November 2025 (one check-in, 0
 * meetings): 14 meetings, 2 children. Not counted: a proposal that never started, a declined one, a
 * check-in not answered, one answered by someone else, and the family follow-up (7 meetings).
 */
async function seedVera() {
  const nordstrand = await createOrganisation({ name: 'Nordstrand IF' });
  const vesterhav = await createOrganisation({ name: 'Vesterhav BK' });
  const vera = await createUser({ name: 'Vera Frivillig' });
  await createVettedMember(nordstrand, { user: vera, state: 'vetted' });
  await createMember(vesterhav, vera);
  const match = (organisationId: string, extra: Record<string, string> = {}) =>
    activityMatch({ organisationId, volunteerId: vera.id, ...extra });
  const running = await match(nordstrand, { startedOn: '2025-03-10', requestId: 'child-a' });
  const first = await match(vesterhav, {
    startedOn: '2025-06-01',
    state: 'closed',
    endedOn: '2025-09-01',
    requestId: 'child-b',
  });
  const again = await match(vesterhav, {
    startedOn: '2025-10-01',
    state: 'closed',
    endedOn: '2025-11-15',
    requestId: 'child-b',
  });
  await match(nordstrand, { startedOn: '2025-12-01', state: 'proposed', requestId: 'child-c' });
  await match(nordstrand, { startedOn: '2025-12-01', state: 'declined', requestId: 'child-d' });
  const checkIn = (matchId: string, organisationId: string, extra: Record<string, unknown>) =>
    activityCheckIn({ matchId, organisationId, volunteerId: vera.id, dueOn: '2025-04-01', ...extra });
  await checkIn(running, nordstrand, { dueOn: '2025-03-24', answeredOn: '2025-03-24', meetings: 3 });
  await checkIn(running, nordstrand, { dueOn: '2025-04-21', answeredOn: '2025-04-25', meetings: 4 });
  await checkIn(running, nordstrand, { dueOn: '2025-05-19', answeredOn: '2025-05-19', meetings: 2 });
  await checkIn(running, nordstrand, { dueOn: '2025-06-16' });
  await checkIn(running, nordstrand, {
    dueOn: '2025-07-14',
    answeredOn: '2025-07-14',
    answeredBy: 'someone',
    meetings: 9,
  });
  await checkIn(running, nordstrand, {
    dueOn: '2025-04-01',
    answeredOn: '2025-04-01',
    audience: 'family',
    meetings: 7,
  });
  await checkIn(first, vesterhav, { dueOn: '2025-06-15', answeredOn: '2025-06-15', meetings: 5 });
  await checkIn(again, vesterhav, { dueOn: '2025-10-15', answeredOn: '2025-10-16', meetings: 0 });
  return { vera, nordstrand, vesterhav };
}

describe("a volunteer's own record", function () {
  this.timeout(90_000);
  useTestDatabase();
  let app: Express;
  let vera: TestUser;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    ({ vera } = await seedVera());
  });

  const recordOf = async (user: TestUser) => {
    const page = await (await loginAs(app, user)).get('/frivillig/min-indsats');
    assert.equal(page.status, 200);
    return page.text;
  };

  it('when the volunteer opens the record, then the meetings, children, period and check-ins are as seeded', async () => {
    const html = await recordOf(vera);
    const summary = text(html);
    assert.match(summary, /Opgørelse for Vera Frivillig, /);
    assert.match(summary, /Du har mødtes 14 gange siden marts 2025; 2 børn\./);
    assert.match(
      summary,
      /Som frivillig voksen for et barn fra 10\. marts 2025 og stadig i gang\. 5 tjek-ind besvaret\./,
    );
  });

  it('when the volunteer opens the record, then each match is listed with its organisation, dates and meetings, and no child alias', async () => {
    const html = await recordOf(vera);
    assert.deepEqual(rowsOf(html, 'matches'), [
      ['Nordstrand IF', '10. marts 2025', 'I gang', '3', '9'],
      ['Vesterhav BK', '1. juni 2025', '1. september 2025', '1', '5'],
      ['Vesterhav BK', '1. oktober 2025', '15. november 2025', '1', '0'],
    ]);
    assert.doesNotMatch(html, /Zebra-7/);
    assert.doesNotMatch(html, /child-[a-d]/);
  });

  it('when the volunteer opens the record, then each organisation they belong to shows their vetting there', async () => {
    const html = await recordOf(vera);
    const rows = rowsOf(html, 'organisations');
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[0]!.slice(0, 2), ['Nordstrand IF', 'Godkendt']);
    assert.match(rows[0]![2]!, /^\d{1,2}\. [a-zæøå]+ \d{4}$/);
    assert.deepEqual(rows[1], ['Vesterhav BK', 'Ikke godkendt (mangler trin)', '–']);
  });

  it('when another volunteer opens their record, then each sees only their own', async () => {
    const other = await createUser({ name: 'Otto Anden' });
    assert.match(text(await recordOf(other)), /Du har endnu ikke haft et forløb med et barn\./);
    const club = await createOrganisation({ name: 'Klitten' });
    const matchId = await activityMatch({
      organisationId: club,
      volunteerId: other.id,
      startedOn: '2025-08-04',
    });
    await activityCheckIn({
      matchId,
      organisationId: club,
      volunteerId: other.id,
      dueOn: '2025-08-18',
      answeredOn: '2025-08-18',
      meetings: 7,
    });
    const html = await recordOf(other);
    assert.match(text(html), /Du har mødtes 7 gange siden august 2025; 1 barn\./);
    assert.doesNotMatch(html, /Vera Frivillig|Nordstrand IF|Vesterhav BK/);
    assert.match(text(await recordOf(vera)), /Du har mødtes 14 gange siden marts 2025; 2 børn\./);
    assert.doesNotMatch(await recordOf(vera), /Klitten/);
  });

  it('when the record has one meeting and one child, then the sentence says so in the singular', async () => {
    const solo = await createUser({ name: 'Solvej Solo' });
    const club = await createOrganisation({ name: 'Klitten' });
    const matchId = await activityMatch({
      organisationId: club,
      volunteerId: solo.id,
      startedOn: '2026-01-05',
    });
    await activityCheckIn({
      matchId,
      organisationId: club,
      volunteerId: solo.id,
      dueOn: '2026-01-19',
      answeredOn: '2026-01-19',
      meetings: 1,
    });
    assert.match(text(await recordOf(solo)), /Du har mødtes 1 gang siden januar 2026; 1 barn\./);
  });

  it('when a coordinator, a social worker or someone logged out asks for a record, then there is none for them', async () => {
    const organisationId = await createOrganisation();
    const coordinator = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId }] }),
    );
    assert.equal((await coordinator.get('/frivillig/min-indsats')).status, 404);
    const worker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true }),
    );
    assert.equal((await worker.get('/frivillig/min-indsats')).status, 404);
    const anonymous = await request(app).get('/frivillig/min-indsats').redirects(0);
    assert.equal(anonymous.status, 303);
  });

  it('when the volunteer looks at their home, then it links to the record with the matches had', async () => {
    const home = await (await loginAs(app, vera)).get('/overblik');
    assert.match(text(home.text), /3 forløb – se din frivillige indsats/);
    assert.match(home.text, /href="\/frivillig\/min-indsats"/);
  });

  it('when the page is printed, then a print stylesheet makes it the record alone and the hint says how, without script', async () => {
    const html = await recordOf(vera);
    assert.match(html, /<link rel="stylesheet" href="\/css\/record-print\.css" media="print">/);
    assert.match(text(html), /browserens udskriv \(Ctrl\+P, på Mac ⌘\+P\)/);
    // The button needs script, so the page sends it hidden; the script only shows it.
    assert.match(html, /<button class="button" type="button" data-print-button hidden>Udskriv<\/button>/);
    const css = await request(app).get('/css/record-print.css');
    assert.equal(css.status, 200);
    assert.match(css.text, /\.site-header,[\s\S]*\.no-print \{\s*display: none !important;/);
  });
});
