import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, type Agent } from '../../helpers/accounts.js';
import { reportFollowUp, reportMatch, reportRequest, tableOf, decodeHtml } from '../../helpers/reporting.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const YEAR_2025 = '/kommune/rapport?fra=2025-01-01&til=2025-12-31';

/**
 * A known year in Jammerbugt (0849): 13 requests (7 in March, 5 in May, 1 in June); 12 got an adult after
 * 5, 10, 10, 20, 25, 40 and 90 days (March) and 10 days (May); 6 closed with the goal reached and 1 after
 * a move; 15 follow-ups due (10 on time, 2 late, 3 missed); 6 matches with two wellbeing answers (4 better,
 * 2 the same); 1 worry. Copenhagen (0101) has 20 requests of its own and nothing else.
 */
async function seedKnownYear(): Promise<void> {
  const march = await Promise.all([...Array(7)].map(() => reportRequest('0849', '2025-03-01')));
  const may = await Promise.all([...Array(5)].map(() => reportRequest('0849', '2025-05-01')));
  await reportRequest('0849', '2025-06-01');
  const marchActive = [
    '2025-03-06',
    '2025-03-11',
    '2025-03-11',
    '2025-03-21',
    '2025-03-26',
    '2025-04-10',
    '2025-05-30',
  ];
  const matches: string[] = [];
  for (const [index, requestId] of march.entries()) {
    const closedOn = index < 6 ? (index === 5 ? '2025-11-15' : '2025-11-01') : undefined;
    matches.push(
      await reportMatch({
        municipalityCode: '0849',
        requestId,
        activeOn: marchActive[index]!,
        closedOn,
        closeReason: index === 5 ? 'moved' : 'goal-reached',
      }),
    );
  }
  for (const [index, requestId] of may.entries()) {
    const closedOn = index === 0 ? '2025-12-01' : undefined;
    matches.push(
      await reportMatch({ municipalityCode: '0849', requestId, activeOn: '2025-05-11', closedOn }),
    );
  }
  const municipalityCode = '0849';
  for (const [index, matchId] of matches.slice(0, 5).entries()) {
    const first = index < 4 ? 2 : 3;
    const latest = index < 4 ? 4 : 3;
    await reportFollowUp({
      municipalityCode,
      matchId,
      dueOn: '2025-06-01',
      answeredOn: '2025-05-30',
      wellbeing: first,
    });
    await reportFollowUp({
      municipalityCode,
      matchId,
      dueOn: '2025-07-01',
      answeredOn: '2025-06-30',
      wellbeing: latest,
      ...(index === 0 ? { worryRaisedOn: '2025-06-30', worrySeenOn: '2025-07-02' } : {}),
    });
  }
  const late = matches[5]!;
  await reportFollowUp({
    municipalityCode,
    matchId: late,
    dueOn: '2025-08-01',
    answeredOn: '2025-08-05',
    wellbeing: 3,
  });
  await reportFollowUp({
    municipalityCode,
    matchId: late,
    dueOn: '2025-09-01',
    answeredOn: '2025-09-09',
    wellbeing: 3,
  });
  for (const dueOn of ['2025-10-01', '2025-10-15', '2025-11-01']) {
    await reportFollowUp({ municipalityCode, matchId: matches[6]!, dueOn });
  }
  await Promise.all([...Array(20)].map(() => reportRequest('0101', '2025-04-01')));
}

describe('the municipality report', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    await seedKnownYear();
  });

  const adminOf = async (municipalityCode: string): Promise<Agent> =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  it('when the administrator opens a year, then the requests, matches and days to a match are as seeded', async () => {
    const page = await (await adminOf('0849')).get(YEAR_2025);
    assert.equal(page.status, 200);
    const overview = tableOf(page.text, 'overview');
    assert.deepEqual(overview['Anmodninger oprettet'], ['13']);
    assert.deepEqual(overview['Heraf fået en voksen (forløb startet)'], ['12']);
    assert.deepEqual(overview['Andel, der har fået en voksen'], ['92 %']);
    // Days: 5, 10×7, 20, 25, 40, 90 → median 10, and 11 of 12 within 40.
    assert.deepEqual(overview['Dage til en voksen (median)'], ['10']);
    assert.deepEqual(overview['Dage til en voksen (90 % inden for)'], ['40']);
    assert.deepEqual(overview['Igangværende forløb ved periodens slutning'], ['5']);
    assert.deepEqual(overview['Børn med et forløb i perioden'], ['12']);
    assert.deepEqual(overview['Forløb, der varede mindst 6 måneder'], ['100 %']);
  });

  it('when a reason has fewer than 5 closures, then it and a complementary reason show "< 5", and the total stands', async () => {
    const page = await (await adminOf('0849')).get(YEAR_2025);
    const closures = tableOf(page.text, 'closures');
    assert.deepEqual(closures['Flytning'], ['< 5']);
    // Goal reached (6) is held back too: otherwise the total (7) minus it would give the move away.
    assert.deepEqual(closures['Målet er nået'], ['< 5']);
    assert.deepEqual(closures['Bekymring'], ['0']);
    assert.deepEqual(closures['I alt'], ['7']);
  });

  it('when follow-ups were on time, late and missed, then they are counted, small ones held back', async () => {
    const page = await (await adminOf('0849')).get(YEAR_2025);
    const followUps = tableOf(page.text, 'followups');
    assert.deepEqual(followUps['Til tiden'], ['10']);
    assert.deepEqual(followUps['For sent'], ['< 5']);
    assert.deepEqual(followUps['Ikke gennemført'], ['< 5']);
    assert.deepEqual(followUps['I alt'], ['15']);
  });

  it('when matches have first and latest wellbeing, then the means are shown and small groups held back', async () => {
    const page = await (await adminOf('0849')).get(YEAR_2025);
    const wellbeing = tableOf(page.text, 'wellbeing');
    assert.deepEqual(wellbeing['Forløb med mindst to svar'], ['6']);
    assert.deepEqual(wellbeing['Trivsel, første svar (gennemsnit 1–5)'], ['2,3']);
    assert.deepEqual(wellbeing['Trivsel, seneste svar (gennemsnit 1–5)'], ['3,7']);
    assert.deepEqual(wellbeing['Bedre'], ['< 5']);
    assert.deepEqual(wellbeing['Uændret'], ['< 5']);
    const concerns = tableOf(page.text, 'concerns');
    assert.deepEqual(concerns['Bekymringer meldt'], ['< 5']);
    assert.deepEqual(concerns['Dage til en socialrådgiver læste dem (median)'], ['< 5']);
  });

  it('when a month has fewer than 5 requests, then the chart has no bar for it and its table says "< 5"', async () => {
    const page = await (await adminOf('0849')).get(YEAR_2025);
    const months = tableOf(page.text, 'months');
    assert.deepEqual(months['marts 2025'], ['7']);
    assert.deepEqual(months['juni 2025'], ['< 5']);
    assert.deepEqual(months['maj 2025'], ['< 5'], 'May (5) is the complementary cell');
    assert.deepEqual(months['I alt'], ['13']);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page.text)![0];
    assert.match(svg, /role="img"/);
    assert.equal((svg.match(/<rect /g) ?? []).length, 1, 'only March has a bar');
    assert.match(page.text, /oprettet 13 anmodninger, og 92 % af dem fik en voksen/);
    assert.match(page.text, /href="\/css\/report-print.css" media="print"/);
  });

  it("when another municipality's administrator opens the report, then they see only their own figures", async () => {
    const page = await (await adminOf('0101')).get(YEAR_2025);
    const overview = tableOf(page.text, 'overview');
    assert.deepEqual(overview['Anmodninger oprettet'], ['20']);
    assert.deepEqual(overview['Heraf fået en voksen (forløb startet)'], ['0']);
    assert.deepEqual(tableOf(page.text, 'followups')['I alt'], ['0']);
    const csv = await (
      await adminOf('0101')
    ).get(`/kommune/rapport/csv?tabel=overview&fra=2025-01-01&til=2025-12-31`);
    assert.match(csv.text, /Anmodninger oprettet;20\r\n/);
    assert.doesNotMatch(csv.text, /;13\r\n/);
  });

  it('when a table is exported, then the CSV has a BOM, semicolons, the held-back cells as "< 5", and is audited', async () => {
    const csv = await (
      await adminOf('0849')
    ).get('/kommune/rapport/csv?tabel=closures&fra=2025-01-01&til=2025-12-31');
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.match(
      String(csv.headers['content-disposition']),
      /attachment; filename="?brobygning-closures-2025-01-01-2025-12-31.csv/,
    );
    assert.ok(csv.text.startsWith('\uFEFFÅrsag;Antal\r\n'), csv.text.slice(0, 40));
    assert.match(csv.text, /\r\nFlytning;< 5\r\n/);
    assert.match(csv.text, /\r\nMålet er nået;< 5\r\n/);
    assert.match(csv.text, /\r\nI alt;7\r\n/);
    const audit = await AuditEventModel.findOne({ action: 'reporting.exported' }).lean();
    assert.equal(audit?.municipalityCode, '0849');
  });

  it('when the table asked for does not exist, then the answer is 400, not a server error', async () => {
    const response = await (await adminOf('0849')).get('/kommune/rapport/csv?tabel=people');
    assert.equal(response.status, 400);
  });

  it('when the period names days that do not exist, then the fields say so and nothing is moved into March', async () => {
    const admin = await adminOf('0849');
    const page = await admin.get('/kommune/rapport?fra=2026-02-30&til=2026-02-31');
    assert.equal(page.status, 200);
    const text = decodeHtml(page.text);
    assert.match(text, /Perioden kunne ikke læses/);
    assert.equal(
      text.match(/Datoen findes ikke – skriv en rigtig dato som 2027-02-28/g)?.length,
      2,
      'one message by each field',
    );
    assert.match(page.text, /id="fra"[^>]*value="2026-02-30"[^>]*aria-invalid="true"/);
    assert.doesNotMatch(text, /Perioden 2\. marts 2026 til 3\. marts 2026/);
    const backwards = await admin.get('/kommune/rapport?fra=2025-12-31&til=2025-01-01');
    assert.match(decodeHtml(backwards.text), /»Til« skal være samme dag som »fra« eller senere/);
    const format = await admin.get('/kommune/rapport?fra=31-12-2025');
    assert.match(decodeHtml(format.text), /Skriv datoen som år-måned-dag, fx 2027-02-28/);
  });

  it('when a CSV export names a day that does not exist, then the answer is 400, not the export of another period', async () => {
    const admin = await adminOf('0849');
    for (const query of [
      'fra=2026-02-30&til=2026-03-31',
      'fra=2025-01-01&til=2025-02-29',
      'fra=2025-12-31&til=2025-01-01',
    ]) {
      const response = await admin.get(`/kommune/rapport/csv?tabel=overview&${query}`);
      assert.equal(response.status, 400, `${query}: ${response.status}`);
    }
    assert.equal(await AuditEventModel.countDocuments({ action: 'reporting.exported' }), 0);
  });

  it('when someone other than a municipal administrator asks, then the report and its exports are not there', async () => {
    const worker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true }),
    );
    assert.equal((await worker.get(YEAR_2025)).status, 404);
    assert.equal((await worker.get('/kommune/rapport/csv?tabel=overview')).status, 404);
  });

  it('when the administrator sets goals, then the report shows progress and last year, only in their municipality', async () => {
    const admin = await adminOf('0849');
    const form = await admin.get('/kommune/rapport/maal?aar=2025');
    const saved = await admin
      .post('/kommune/rapport/maal')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        year: '2025',
        matchedWithin30Share: '80',
        lastingSixMonthsShare: '',
        followUpsOnTimeShare: '60',
        childrenSupported: '10',
      });
    assert.equal(saved.status, 303);
    const page = await admin.get(YEAR_2025);
    const goal = (metric: string) => {
      const row = new RegExp(`<tr data-goal="${metric}">([\\s\\S]*?)</tr>`).exec(page.text);
      assert.ok(row, `goal ${metric} shown`);
      return [...row[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => decodeHtml(cell[1]!));
    };
    // 10 of 13 within 30 days = 77 %; 10 of 15 follow-ups on time = 67 %; 12 children.
    assert.deepEqual(goal('matchedWithin30Share'), ['80 %', '77 %', '–', 'Ikke nået endnu']);
    assert.deepEqual(goal('followUpsOnTimeShare'), ['60 %', '67 %', '–', 'Nået']);
    assert.deepEqual(goal('childrenSupported'), ['10', '12', '0', 'Nået']);
    assert.doesNotMatch(page.text, /data-goal="lastingSixMonthsShare"/);
    const other = await (await adminOf('0101')).get(YEAR_2025);
    assert.match(other.text, /Kommunen har ikke sat mål for året/);
    const audit = await AuditEventModel.findOne({ action: 'reporting.goals-set' }).lean();
    assert.equal((audit?.details as Record<string, unknown>).matchedWithin30Share, 80);
  });

  it('when the administrator opens their home, then the report is linked with the number of goals set this year', async () => {
    const home = await (await adminOf('0849')).get('/overblik');
    assert.match(home.text, /href="\/kommune\/rapport"><span class="home-item__count">0<\/span>/);
  });

  it('when a goal is not a whole number or a share is over 100, then the form comes back with messages', async () => {
    const admin = await adminOf('0849');
    const form = await admin.get('/kommune/rapport/maal');
    const response = await admin
      .post('/kommune/rapport/maal')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        year: '2025',
        matchedWithin30Share: '150',
        lastingSixMonthsShare: 'mange',
        followUpsOnTimeShare: '',
        childrenSupported: '',
      });
    assert.equal(response.status, 400);
    assert.match(response.text, /En andel er mellem 0 og 100 %/);
    assert.match(response.text, /Skriv et helt tal, eller lad feltet stå tomt/);
  });
});
