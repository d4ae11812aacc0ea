import assert from 'node:assert/strict';
import type { Express } from 'express';
import { addDays } from '../../../src/components/followups/index.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { demoVettingFacts } from '../../../src/demo/demo-vetting.js';
import { putVettingFacts } from '../../../src/components/vetting/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { readableMonth } from '../../../src/shared/i18n/index.js';
import { activityCheckIn, activityMatch, daysAgo, monthAgo } from '../../helpers/activity-reports.js';
import { createOffer } from '../../helpers/offers.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, createVettedMember } from '../../helpers/vetting.js';

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** One table of the page as row label → shown values. */
function tableOf(html: string, id: string): Record<string, string[]> {
  const table = new RegExp(`<table[^>]*data-table="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  assert.ok(table, `table ${id} is on the page`);
  const rows: Record<string, string[]> = {};
  for (const row of table[1]!.matchAll(/<tr[^>]*>\s*<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)) {
    rows[decode(row[1]!)] = [...row[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => decode(cell[1]!));
  }
  return rows;
}

/** A month `back` months before this one, as the Danish page and its export name it ("marts 2026"). */
const monthKey = (back: number) => readableMonth(monthAgo(back).slice(0, 7), 'da');

interface Club {
  organisationId: string;
  coordinator: TestUser;
  offers: { gymnastics: string; jumping: string; climbing: string };
}

/**
 * A known club: three offers (10, 3 and 6 places). Gymnastics: 6 matches started two months ago, 2 last
 * month (one since closed) and 1 fourteen months ago, all but the closed one running (8). Jumping: 1
 * started two months ago, now paused, and 1 proposal holding a place. Climbing: 5 started three months
 * ago. So 14 run now, with 13 different volunteers (one has two). Check-ins due in the last year: 6 on
 * time, 5 late, 5 missed (3 never answered, 2 skipped), 1 still within its week; a cancelled one, a
 * family follow-up and one due 13 months ago do not count. Members: the coordinator (no vetting), 2
 * vetted, 1 expiring, 1 expired, 1 missing training; a requested member does not count.
 */
async function seedClub(name: string): Promise<Club> {
  const organisationId = await createOrganisation({ name });
  const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
  await addMember(organisationId, coordinator.id);
  const offers = {
    gymnastics: await createOffer(organisationId, { title: `${name}: Tirsdagsgymnastik`, places: 10 }),
    jumping: await createOffer(organisationId, { title: `${name}: Lørdagsspring`, places: 3 }),
    climbing: await createOffer(organisationId, { title: `${name}: Klatring`, places: 6 }),
  };
  let volunteerNumber = 0;
  const volunteer = () => `${organisationId}-volunteer-${(volunteerNumber += 1)}`;
  const match = (offerId: string, startedOn: string, extra: Record<string, string> = {}) =>
    activityMatch({ organisationId, offerId, volunteerId: volunteer(), startedOn, ...extra });
  const running: string[] = [];
  for (let index = 0; index < 6; index += 1) running.push(await match(offers.gymnastics, monthAgo(2)));
  running.push(await match(offers.gymnastics, monthAgo(1)));
  await match(offers.gymnastics, monthAgo(1), { state: 'closed', endedOn: daysAgo(3) });
  running.push(await match(offers.gymnastics, monthAgo(14)));
  running.push(await match(offers.jumping, monthAgo(2), { state: 'paused', endedOn: daysAgo(5) }));
  await match(offers.jumping, daysAgo(1), { state: 'proposed' });
  for (let index = 0; index < 4; index += 1) running.push(await match(offers.climbing, monthAgo(3)));
  // The fifth climber's adult is the one who already has a gymnastics child.
  running.push(
    await activityMatch({
      organisationId,
      offerId: offers.climbing,
      volunteerId: `${organisationId}-volunteer-1`,
      startedOn: monthAgo(3),
    }),
  );
  const checkIn = (dueOn: string, extra: Partial<Parameters<typeof activityCheckIn>[0]> = {}) =>
    activityCheckIn({ matchId: running[0]!, organisationId, volunteerId: 'v', dueOn, ...extra });
  for (let index = 0; index < 6; index += 1) {
    const dueOn = daysAgo(30 + index);
    await checkIn(dueOn, { answeredOn: index % 2 ? addDays(dueOn, 1) : dueOn });
  }
  for (let index = 0; index < 5; index += 1) {
    const dueOn = daysAgo(60 + index);
    await checkIn(dueOn, { answeredOn: addDays(dueOn, 3) });
  }
  for (let index = 0; index < 3; index += 1) await checkIn(daysAgo(10 + index));
  for (let index = 0; index < 2; index += 1) await checkIn(daysAgo(20 + index), { state: 'skipped' });
  await checkIn(daysAgo(2));
  await checkIn(daysAgo(15), { state: 'cancelled' });
  await checkIn(daysAgo(40), { audience: 'family' });
  await checkIn(daysAgo(400), { answeredOn: daysAgo(390) });

  for (let index = 0; index < 2; index += 1) await createVettedMember(organisationId, { state: 'vetted' });
  await createVettedMember(organisationId, { state: 'expiring' });
  const expired = await createMember(organisationId);
  const longAgo = new Date(Date.now() - 25 * 30 * 86_400_000);
  await putVettingFacts(organisationId, expired.id, demoVettingFacts('vetted', expired.id, longAgo));
  await createVettedMember(organisationId, { state: 'missing-training' });
  await addMember(organisationId, (await createUser({})).id, 'requested');
  return { organisationId, coordinator, offers };
}

describe("the organisation's report", function () {
  this.timeout(90_000);
  useTestDatabase();
  let app: Express;
  let club: Club;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    club = await seedClub('Nordstrand IF');
  });

  const open = async (user: TestUser): Promise<{ agent: Agent; html: string }> => {
    const agent = await loginAs(app, user);
    const page = await agent.get('/forening/rapport');
    assert.equal(page.status, 200, page.text.slice(0, 2000));
    return { agent, html: page.text };
  };

  it('when the coordinator opens it, then places, free places and running matches per offer are as seeded, small ones held back with a complement', async () => {
    const { html } = await open(club.coordinator);
    assert.deepEqual(tableOf(html, 'offers'), {
      // Jumping's 1 running is held back, and climbing's 5 with it, so that 14 − 8 does not give it away.
      'Nordstrand IF: Klatring': ['6', '1', '< 5'],
      'Nordstrand IF: Lørdagsspring': ['3', '1', '< 5'],
      'Nordstrand IF: Tirsdagsgymnastik': ['10', '2', '8'],
      'I alt': ['19', '4', '14'],
    });
  });

  it('when the coordinator opens it, then the matches started per month are as seeded, each month held back as a group', async () => {
    const { html } = await open(club.coordinator);
    const months = tableOf(html, 'months');
    assert.equal(Object.keys(months).length, 12);
    assert.deepEqual(Object.keys(months).at(-1), monthKey(0));
    // Columns by title: climbing, jumping, gymnastics, all offers.
    assert.deepEqual(months[monthKey(3)], ['5', '0', '0', '5']);
    assert.deepEqual(months[monthKey(2)], ['0', '< 5', '< 5', '7']);
    // A month of 2 in all: every cell of it held back (the shared rule for a total under 5).
    assert.deepEqual(months[monthKey(1)], ['< 5', '< 5', '< 5', '< 5']);
    assert.deepEqual(months[monthKey(0)], ['0', '0', '0', '0']);
    assert.equal(months[monthKey(14)], undefined);
    // The chart draws the same "all offers" column: bars for 5 and 7, none for "< 5".
    const chart = /<svg role="img"[\s\S]*?<\/svg>/.exec(html)![0];
    assert.equal([...chart.matchAll(/<rect /g)].length, 2);
    assert.match(chart, /<title id="months-chart-title">Forløb startet pr\. måned, alle tilbud<\/title>/);
    assert.ok(
      html.includes(
        `14 forløb er i gang nu på foreningens tilbud. I de sidste 12 måneder startede der forløb i 3 måneder. Flest startede i ${monthKey(2)} (7).`,
      ),
    );
  });

  it('when the coordinator opens it, then the running matches and check-ins are as seeded', async () => {
    const { html } = await open(club.coordinator);
    assert.deepEqual(tableOf(html, 'checkins'), {
      'Forløb i gang nu': ['14'],
      'Frivillige med et forløb i gang': ['13'],
      'Tjek-ind til tiden': ['6'],
      'Tjek-ind for sent': ['5'],
      'Tjek-ind ikke gennemført': ['5'],
      'Tjek-ind i alt (til tiden, for sent, ikke gennemført)': ['16'],
      'Tjek-ind, der stadig kan nås': ['< 5'],
    });
  });

  it('when the coordinator opens it, then the members by vetting state are as seeded (adults: nothing held back)', async () => {
    const { html } = await open(club.coordinator);
    assert.deepEqual(tableOf(html, 'vetting'), {
      Godkendt: ['2'],
      'Børneattest udløber inden for 60 dage': ['1'],
      'Børneattest udløbet': ['1'],
      'Ikke godkendt (mangler trin)': ['2'],
      'I alt': ['6'],
    });
  });

  it("when another organisation's coordinator opens the report, then they see only their own organisation", async () => {
    const other = await createOrganisation({ name: 'Vesterhav BK' });
    const otherCoordinator = await createUser({ roles: [{ role: 'coordinator', organisationId: other }] });
    await addMember(other, otherCoordinator.id);
    await createOffer(other, { title: 'Vesterhav BK: Fodbold', places: 4 });
    const { html } = await open(otherCoordinator);
    assert.doesNotMatch(html, /Nordstrand IF/);
    assert.deepEqual(tableOf(html, 'offers'), {
      'Vesterhav BK: Fodbold': ['4', '4', '0'],
      'I alt': ['4', '4', '0'],
    });
    assert.deepEqual(tableOf(html, 'checkins')['Forløb i gang nu'], ['0']);
    assert.deepEqual(tableOf(html, 'vetting')['I alt'], ['1']);
    const csv = await (await loginAs(app, otherCoordinator)).get('/forening/rapport/csv?tabel=offers');
    assert.doesNotMatch(csv.text, /Nordstrand/);
  });

  it('when a volunteer, a social worker or someone logged out asks for the report or its export, then it is not there for them', async () => {
    const volunteer = await loginAs(app, await createUser({}));
    assert.equal((await volunteer.get('/forening/rapport')).status, 404);
    assert.equal((await volunteer.get('/forening/rapport/csv?tabel=offers')).status, 404);
    const worker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true }),
    );
    assert.equal((await worker.get('/forening/rapport')).status, 404);
    const anonymous = await (await import('supertest')).default(app).get('/forening/rapport').redirects(0);
    assert.equal(anonymous.status, 303);
  });

  it("when the coordinator exports a table, then the CSV holds the page's figures for Danish Excel and the export is audited", async () => {
    const agent = await loginAs(app, club.coordinator);
    const response = await agent.get('/forening/rapport/csv?tabel=offers');
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="?brobygning-forening-offers-/,
    );
    assert.ok(response.text.startsWith('\uFEFF'), 'starts with a byte order mark');
    assert.deepEqual(response.text.slice(1).split('\r\n'), [
      'Tilbud;Pladser;Ledige nu;Forløb i gang nu',
      'Nordstrand IF: Klatring;6;1;< 5',
      'Nordstrand IF: Lørdagsspring;3;1;< 5',
      'Nordstrand IF: Tirsdagsgymnastik;10;2;8',
      'I alt;19;4;14',
      '',
    ]);
    const months = await agent.get('/forening/rapport/csv?tabel=months');
    assert.ok(months.text.includes(`${monthKey(2)};0;< 5;< 5;7`), months.text);
    const audits = await AuditEventModel.find({ action: 'reporting.organisation-exported' }).lean();
    assert.equal(audits.length, 2);
    assert.equal(audits[0]!.organisationId, club.organisationId);
    assert.equal((await agent.get('/forening/rapport/csv?tabel=nope')).status, 400);
  });

  it('when an offer title looks like a spreadsheet formula, then the export neutralises it', async () => {
    await createOffer(club.organisationId, { title: '=HYPERLINK("http://x")', places: 2 });
    const csv = await (await loginAs(app, club.coordinator)).get('/forening/rapport/csv?tabel=offers');
    assert.ok(csv.text.includes(`"'=HYPERLINK(""http://x"")";2;2;`), csv.text);
  });

  it('when the page is shown, then no child alias appears anywhere on it', async () => {
    const { html } = await open(club.coordinator);
    assert.doesNotMatch(html, /Zebra-7/);
  });
});
