import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { importMunicipalities, onboardMunicipality } from '../../src/components/municipalities/index.js';
import { moveMembership } from '../../src/components/organisations/index.js';
import { createUser } from '../helpers/accounts.js';
import { expectNoAxeViolations, type RunningServer } from '../helpers/browser.js';
import { clickAndWait, logIn, tabTo, useBrowserSession } from '../helpers/browser-session.js';
import { createOffer } from '../helpers/offers.js';
import { createOrganisation } from '../helpers/organisations.js';
import { expectText, expectValue } from '../helpers/page-state.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

const offerTitles = (page: Page) => page.locator('article h3 a').allTextContents();

describe('the marketplace in the browser, keyboard only (axe: WCAG 2.1 AA)', function () {
  this.timeout(90_000);
  useTestDatabase();
  const session = useBrowserSession();
  let server: RunningServer;
  let page: Page;
  let organisationId: string;
  let offerId: string;

  beforeEach(async () => {
    ({ server, page } = session);
    await importMunicipalities();
    await onboardMunicipality('0849');
    organisationId = await createOrganisation({ name: 'Nordstrand Gymnastik' });
    offerId = await createOffer(organisationId, { title: 'Gymnastik i Pandrup', postcode: '9490' });
    await createOffer(organisationId, { title: 'Snedkeri i Aabybro', category: 'craft', postcode: '9440' });
    await createOffer(organisationId, { title: 'Fodbold i Fjerritslev', postcode: '9690' });
  });

  it('when an anonymous visitor filters by postcode and distance with the keyboard, then the nearest offers show first', async () => {
    await page.goto(server.baseUrl + '/tilbud');
    await expectText(page, 'h1', /Tilbudstorvet/);
    assert.equal((await offerTitles(page)).length, 3);
    await expectNoAxeViolations(page);

    await tabTo(page, '#postnummer');
    await page.keyboard.type('9440');
    await tabTo(page, '#afstand');
    // From the preselected 25 km one step up to 10 km, as a keyboard user would.
    await page.keyboard.press('ArrowUp');
    await expectValue(page, '#afstand', '10');
    await tabTo(page, 'form[action="/tilbud"] button[type="submit"]');
    await Promise.all([page.waitForURL(/postnummer=9440/), page.keyboard.press('Enter')]);

    const url = new URL(page.url());
    assert.equal(url.searchParams.get('afstand'), '10');
    // Fjerritslev is about 34 km from Aabybro: outside; Pandrup about 8 km: second.
    assert.deepEqual(await offerTitles(page), ['Snedkeri i Aabybro', 'Gymnastik i Pandrup']);
    await expectText(page, '[role="status"]', /Nærmeste først, højst 10 km fra 9440/);
    assert.equal(await page.inputValue('#postnummer'), '9440');
    await expectNoAxeViolations(page);

    await tabTo(page, `a[href="/tilbud/${offerId}"]`);
    await Promise.all([page.waitForURL(`**/tilbud/${offerId}`), page.keyboard.press('Enter')]);
    await expectText(page, 'h1', /Gymnastik i Pandrup/);
    await expectNoAxeViolations(page);
  });

  it('when a filter is wrong, then the error summary names it, links to the field and passes axe', async () => {
    const response = await page.goto(server.baseUrl + '/tilbud?postnummer=0000&alder=abc');
    assert.equal(response?.status(), 400);
    const summary = (await page.textContent('.error-summary')) ?? '';
    assert.match(summary, /Skriv et dansk postnummer/);
    assert.match(summary, /Skriv en alder fra 0 til 25 år/);
    assert.equal(await page.inputValue('#alder'), 'abc');
    await expectNoAxeViolations(page);
  });

  it('when a coordinator manages offers, then the list, the form, its errors and the edit page pass axe', async () => {
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    await moveMembership(organisationId, coordinator.id, 'active', coordinator.id);
    await logIn(page, server.baseUrl, coordinator.email);

    await page.goto(server.baseUrl + '/forening/tilbud');
    await expectText(page, 'main', /Gymnastik i Pandrup/);
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/forening/tilbud/ny');
    await expectNoAxeViolations(page);
    await page.fill('#title', 'Ny gymnastik');
    await clickAndWait(page, 'form[action="/forening/tilbud/ny"] button[type="submit"]');
    await expectText(page, '.error-summary', /Der er et problem/);
    assert.equal(await page.inputValue('#title'), 'Ny gymnastik');
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + `/forening/tilbud/${offerId}`);
    assert.equal(await page.inputValue('#title'), 'Gymnastik i Pandrup');
    await expectNoAxeViolations(page);
  });
});
