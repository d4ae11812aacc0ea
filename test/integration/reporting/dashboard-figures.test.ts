import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { ReportFactsBuildModel } from '../../../src/components/reporting/report-facts-model.js';
import { createUser, csrfFrom, loginAs, type Agent } from '../../helpers/accounts.js';
import { reportMatch, reportRequest, tableOf } from '../../helpers/reporting.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const YEAR_2025 = '/kommune/rapport?fra=2025-01-01&til=2025-12-31';

/**
 * A known 2025 in Jammerbugt (0849). Six children in Pandrup (9490), asked for in January: each had an
 * adult from 15 January to 1 March (45 days), then a new adult from 11 March (10 days later), still running
 * at the year's end (295 days). Three children in Fjerritslev (9690), asked for in February: an adult
 * from 11 to 20 February (9 days). Copenhagen (0101) has a child of its own with two matches.
 */
async function seedKnownYear(): Promise<void> {
  for (let child = 0; child < 6; child += 1) {
    const requestId = await reportRequest('0849', '2025-01-05', '9490');
    await reportMatch({
      municipalityCode: '0849',
      requestId,
      activeOn: '2025-01-15',
      closedOn: '2025-03-01',
    });
    await reportMatch({ municipalityCode: '0849', requestId, activeOn: '2025-03-11' });
  }
  for (let child = 0; child < 3; child += 1) {
    const requestId = await reportRequest('0849', '2025-02-01', '9690');
    await reportMatch({
      municipalityCode: '0849',
      requestId,
      activeOn: '2025-02-11',
      closedOn: '2025-02-20',
    });
  }
  const elsewhere = await reportRequest('0101', '2025-01-05', '1050');
  await reportMatch({
    municipalityCode: '0101',
    requestId: elsewhere,
    activeOn: '2025-01-15',
    closedOn: '2025-02-01',
  });
  await reportMatch({ municipalityCode: '0101', requestId: elsewhere, activeOn: '2025-02-10' });
}

describe('the municipality report: areas, re-matches, durations and the goals month by month', function () {
  this.timeout(120_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    await seedKnownYear();
  });

  const adminOf = async (municipalityCode: string): Promise<Agent> =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  it('when the administrator opens the report, then it says when the figures were taken, built on first use', async () => {
    assert.equal(await ReportFactsBuildModel.countDocuments({ _id: '0849' }), 0);
    const page = await (await adminOf('0849')).get(YEAR_2025);
    assert.equal(page.status, 200);
    assert.match(page.text, /Tal opgjort \d/);
    const build = await ReportFactsBuildModel.findById('0849').lean();
    assert.ok(build, 'the figures were built and kept');
  });

  it('when the administrator chooses a postcode area, then the figures are those of its requests only', async () => {
    const admin = await adminOf('0849');
    const whole = await admin.get(YEAR_2025);
    assert.match(whole.text, /<option value="9490">9490 Pandrup<\/option>/);
    assert.match(whole.text, /<option value="9690">9690 Fjerritslev<\/option>/);
    assert.doesNotMatch(whole.text, /<option value="1050"/, "another municipality's areas are not offered");
    assert.deepEqual(tableOf(whole.text, 'overview')['Anmodninger oprettet'], ['9']);
    const pandrup = await admin.get(`${YEAR_2025}&omraade=9490`);
    assert.match(pandrup.text, /<option value="9490" selected>/);
    assert.match(pandrup.text, /Området 9490 Pandrup/);
    assert.deepEqual(tableOf(pandrup.text, 'overview')['Anmodninger oprettet'], ['6']);
    const fjerritslev = await admin.get(`${YEAR_2025}&omraade=9690`);
    assert.deepEqual(tableOf(fjerritslev.text, 'overview')['Anmodninger oprettet'], ['< 5']);
    assert.deepEqual(tableOf(fjerritslev.text, 'overview')['Børn med et forløb i perioden'], ['< 5']);
    const csv = await admin.get(
      '/kommune/rapport/csv?tabel=overview&fra=2025-01-01&til=2025-12-31&omraade=9490',
    );
    assert.match(csv.text, /Anmodninger oprettet;6\r\n/);
  });

  it("when the area asked for is not one of the municipality's, then the whole municipality is shown and said", async () => {
    const page = await (await adminOf('0849')).get(`${YEAR_2025}&omraade=1050`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Rapporten viser hele kommunen/);
    assert.deepEqual(tableOf(page.text, 'overview')['Anmodninger oprettet'], ['9']);
  });

  it('when children got a new adult after a match ended, then they are counted with the days in between', async () => {
    const admin = await adminOf('0849');
    const rematches = tableOf((await admin.get(YEAR_2025)).text, 'rematches');
    assert.deepEqual(rematches['Anmodninger, hvor barnet fik en ny voksen, efter et forløb sluttede'], ['6']);
    assert.deepEqual(rematches['Dage fra forløbet sluttede, til det nye startede (median)'], ['10']);
    const small = tableOf((await admin.get(`${YEAR_2025}&omraade=9690`)).text, 'rematches');
    assert.deepEqual(small['Anmodninger, hvor barnet fik en ny voksen, efter et forløb sluttede'], ['0']);
    // Copenhagen's one child is held back in its own report, and none of Jammerbugt's is there.
    const other = tableOf((await (await adminOf('0101')).get(YEAR_2025)).text, 'rematches');
    assert.deepEqual(other['Anmodninger, hvor barnet fik en ny voksen, efter et forløb sluttede'], ['< 5']);
    assert.deepEqual(other['Dage fra forløbet sluttede, til det nye startede (median)'], ['< 5']);
  });

  it('when matches closed or still run, then their durations are counted in buckets, small ones held back', async () => {
    const page = await (await adminOf('0849')).get(YEAR_2025);
    const closed = tableOf(page.text, 'durationsClosed');
    // 3 of 9 days are held back, and the 6 of 45 days with them so that the total cannot give them away.
    assert.deepEqual(closed['Under 1 måned'], ['< 5']);
    assert.deepEqual(closed['1–3 måneder'], ['< 5']);
    assert.deepEqual(closed['3–6 måneder'], ['0']);
    assert.deepEqual(closed['I alt'], ['9']);
    assert.deepEqual(closed['Varighed i dage (median)'], ['45']);
    const running = tableOf(page.text, 'durationsRunning');
    assert.deepEqual(running['6–12 måneder'], ['6']);
    assert.deepEqual(running['I alt'], ['6']);
    assert.deepEqual(running['Varighed i dage (median)'], ['295']);
    const csv = await (
      await adminOf('0849')
    ).get('/kommune/rapport/csv?tabel=durationsClosed&fra=2025-01-01&til=2025-12-31&omraade=9490');
    assert.match(csv.text, /1–3 måneder;6\r\n/);
  });

  it('when goals are set, then each goal is shown month by month, small values held back', async () => {
    const admin = await adminOf('0849');
    const form = await admin.get('/kommune/rapport/maal?aar=2025');
    await admin
      .post('/kommune/rapport/maal')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        year: '2025',
        matchedWithin30Share: '50',
        lastingSixMonthsShare: '',
        followUpsOnTimeShare: '',
        childrenSupported: '5',
      });
    const trend = tableOf((await admin.get(YEAR_2025)).text, 'goalTrend');
    // January: 6 children, all matched within 10 days; from February 9 children.
    assert.deepEqual(trend['januar 2025'], ['100 %', '6']);
    assert.deepEqual(trend['februar 2025'], ['100 %', '9']);
    assert.deepEqual(trend['december 2025'], ['100 %', '9']);
    assert.equal(Object.keys(trend).length, 12);
    const area = tableOf((await admin.get(`${YEAR_2025}&omraade=9690`)).text, 'goalTrend');
    assert.deepEqual(area['januar 2025'], ['–', '0']);
    assert.deepEqual(area['februar 2025'], ['< 5', '< 5']);
  });
});
