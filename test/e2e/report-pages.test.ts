import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { upsertRequest } from '../../src/components/requests/index.js';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { createUser, TEST_PASSWORD, totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations } from '../helpers/browser.js';
import { clickAndWait, useBrowserSession } from '../helpers/browser-session.js';
import { createOffer } from '../helpers/offers.js';
import { createOrganisation } from '../helpers/organisations.js';
import { expectAttribute, expectCount, expectPath, expectText } from '../helpers/page-state.js';
import { useTestDatabase } from '../helpers/use-test-database.js';
import { createVettedMember } from '../helpers/vetting.js';

async function logInWithCode(page: Page, baseUrl: string, email: string, secret: string): Promise<void> {
  await page.goto(baseUrl + '/log-ind');
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/log-ind\/totp$/), page.press('#password', 'Enter')]);
  await page.fill('#code', totpCode(secret));
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/log-ind/totp'),
    page.press('#code', 'Enter'),
  ]);
}

const fitsWidth = (page: Page, width: number) =>
  page.evaluate((max) => document.documentElement.scrollWidth <= max, width);

/**
 * Children waiting: six in Pandrup, two in Brovst (held back) and five in Fjerritslev (held back with it);
 * one offer with two places in Pandrup; two vetted members, one of them expiring.
 */
async function seedMunicipality(): Promise<void> {
  await importMunicipalities();
  const club = await createOrganisation({ name: 'Pandrup Idrætsforening', municipalityCode: '0849' });
  await createOffer(club, { postcode: '9490', category: 'sport', tags: ['fodbold'], places: 2 });
  const requests = [...[...Array(6)].map(() => '9490'), '9460', '9460', ...[...Array(5)].map(() => '9690')];
  for (const [index, postcode] of requests.entries()) {
    await upsertRequest({
      municipalityCode: '0849',
      responsibleId: 'worker',
      caseRef: `SAG-E2E-${index}`,
      birthYear: 2016,
      birthMonth: 3,
      postcode,
      preventsStep: 'family-support',
      interests: ['fodbold'],
    });
  }
  await createVettedMember(club, { state: 'vetted' });
  await createVettedMember(club, { state: 'expiring' });
}

describe('the municipality report pages in the browser (axe: WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  useTestDatabase();
  const session = useBrowserSession();

  it('when the administrator follows the links from home and the report, then both pages show their figures and pass axe', async () => {
    await seedMunicipality();
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    const { server, page } = session;
    await logInWithCode(page, server.baseUrl, admin.email, admin.totpSecret!);

    await page.goto(server.baseUrl + '/overblik');
    await clickAndWait(page, 'main a[href="/kommune/rapport/udbud"]');
    await expectPath(page, '/kommune/rapport/udbud');
    await expectText(page, '#supply-summary', /Der mangler frivillige i: 9490 Pandrup \(4\)/);
    await expectAttribute(page, 'svg[role="img"]', 'aria-labelledby', 'supply-map-title');
    await expectCount(page.locator('svg circle[data-postcode="9460"][data-need="held-back"]'), 1);
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/kommune/rapport');
    await clickAndWait(page, 'main a[href="/kommune/rapport/godkendelser"]');
    await expectPath(page, '/kommune/rapport/godkendelser');
    await expectText(
      page,
      '#vetting-summary',
      /2 af 2 aktive medlemmer har en gyldig børneattest; for 1 af dem udløber den inden for 60 dage/,
    );
    await expectNoAxeViolations(page);
  });

  it('when the pages are read on a phone, then they reflow at 320 px and still pass axe', async () => {
    await seedMunicipality();
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    const { server, page } = session;
    await page.setViewportSize({ width: 320, height: 800 });
    await logInWithCode(page, server.baseUrl, admin.email, admin.totpSecret!);
    for (const path of ['/kommune/rapport/udbud', '/kommune/rapport/godkendelser']) {
      await page.goto(server.baseUrl + path);
      assert.ok(await fitsWidth(page, 320), `${path} fits 320 px`);
      await expectNoAxeViolations(page);
    }
  });
});
