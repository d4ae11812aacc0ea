import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { createUser } from '../helpers/accounts.js';
import { activityCheckIn, activityMatch, daysAgo, monthAgo } from '../helpers/activity-reports.js';
import { expectNoAxeViolations, type RunningServer } from '../helpers/browser.js';
import { clickAndWait, logIn, useBrowserSession } from '../helpers/browser-session.js';
import { createOffer } from '../helpers/offers.js';
import { addMember, createOrganisation } from '../helpers/organisations.js';
import { expectCount, expectText, expectVisible } from '../helpers/page-state.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

describe('volunteer and member pages in the browser (axe: WCAG 2.1 AA)', function () {
  this.timeout(90_000);
  useTestDatabase();
  const session = useBrowserSession();
  let page: Page;
  let server: RunningServer;

  beforeEach(async () => {
    await importMunicipalities();
    ({ page, server } = session);
  });

  it('when a volunteer fills in the profile, joins a club and opens the deletion page, then every page passes axe', async () => {
    await createOrganisation({ name: 'Nordstrand Gymnastikforening' });
    await logIn(page, server.baseUrl, (await createUser({ name: 'Vera Frivillig' })).email);
    await page.goto(server.baseUrl + '/frivillig');
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/frivillig/profil');
    await expectNoAxeViolations(page);
    await page.fill('#postcode', '0000');
    await Promise.all([
      page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
      page.press('#postcode', 'Enter'),
    ]);
    await page.waitForLoadState('load');
    await expectText(page, '.error-summary', /Skriv et dansk postnummer/);
    await expectNoAxeViolations(page);

    await page.fill('#interests', 'gymnastik, leg');
    await page.fill('#postcode', '9490');
    await page.check('#frequency-weekly');
    await page.check('#language-da');
    await page.selectOption('#weekday1', '2');
    await page.fill('#from1', '16:00');
    await page.fill('#to1', '18:00');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/frivillig'),
      page.press('#postcode', 'Enter'),
    ]);
    await expectText(page, 'main', /gymnastik, leg/);
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/frivillig/foreninger');
    await expectNoAxeViolations(page);
    await clickAndWait(page, 'button:has-text("Bed om at blive medlem")');
    await expectText(page, '.flash', /Din anmodning er sendt/);
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/frivillig/slet');
    await expectNoAxeViolations(page);
  });

  it('when a coordinator has members, requests and earlier members, then the members page passes axe', async () => {
    const clubId = await createOrganisation({ name: 'Nordstrand Gymnastikforening' });
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    await addMember(clubId, coordinator.id);
    const member = await createUser({ name: 'Mette Medlem' });
    await addMember(clubId, member.id);
    const asking = await createUser({ name: 'Nils Nyborg' });
    await addMember(clubId, asking.id, 'requested');
    const leaving = await createUser({ name: 'Lis Ludvigsen' });
    await addMember(clubId, leaving.id, 'requested');
    await logIn(page, server.baseUrl, coordinator.email);
    await page.goto(server.baseUrl + '/forening/medlemmer');
    await clickAndWait(page, 'button:has-text("Afvis") >> nth=0');
    await expectText(page, 'main', /Tidligere medlemmer/);
    await expectNoAxeViolations(page);
  });

  it("when a coordinator opens the organisation's report, then the chart, tables and exports pass axe", async () => {
    const clubId = await createOrganisation({ name: 'Nordstrand Gymnastikforening' });
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    await addMember(clubId, coordinator.id);
    const offerId = await createOffer(clubId, { title: 'Tirsdagsgymnastik', places: 8 });
    await createOffer(clubId, { title: 'Lørdagsspring', places: 3 });
    for (let index = 0; index < 6; index += 1) {
      await activityMatch({
        organisationId: clubId,
        offerId,
        volunteerId: `v${index}`,
        startedOn: monthAgo(2),
      });
    }
    await activityMatch({ organisationId: clubId, offerId, volunteerId: 'v9', startedOn: monthAgo(1) });
    await logIn(page, server.baseUrl, coordinator.email);
    await page.goto(server.baseUrl + '/overblik');
    await clickAndWait(page, 'a[href="/forening/rapport"]');
    await expectText(page, 'h1', /Rapport for Nordstrand Gymnastikforening/);
    await expectCount(page.locator('svg[role="img"] rect'), 1);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expectVisible(page.locator('.site-header'), false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('when a volunteer opens their own record, then it passes axe and prints without the site around it', async () => {
    const clubId = await createOrganisation({ name: 'Nordstrand Gymnastikforening' });
    const volunteer = await createUser({ name: 'Vera Frivillig' });
    await addMember(clubId, volunteer.id);
    const matchId = await activityMatch({
      organisationId: clubId,
      volunteerId: volunteer.id,
      startedOn: monthAgo(3),
    });
    await activityCheckIn({
      matchId,
      organisationId: clubId,
      volunteerId: volunteer.id,
      dueOn: daysAgo(40),
      answeredOn: daysAgo(40),
      meetings: 4,
    });
    await logIn(page, server.baseUrl, volunteer.email);
    await page.goto(server.baseUrl + '/overblik');
    await clickAndWait(page, 'a[href="/frivillig/min-indsats"]');
    await expectText(page, 'main', /Du har mødtes 4 gange siden/);
    await expectNoAxeViolations(page);
    // With script, the print button is shown beside the hint (without, the hint alone says how).
    await expectVisible(page.locator('button[data-print-button]'), true);
    await page.emulateMedia({ media: 'print' });
    await expectVisible(page.locator('.site-header'), false);
    await expectVisible(page.locator('.no-print').first(), false);
    await expectVisible(page.locator('h1'), true);
    // Printed as documentation, the record is one A4 page.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.equal([...pdf.matchAll(/\/Type\s*\/Page(?!s)/g)].length, 1);
    await page.emulateMedia({ media: 'screen' });
  });
});
