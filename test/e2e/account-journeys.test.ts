import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser, TEST_PASSWORD, totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations, launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { tabTo } from '../helpers/browser-session.js';
import { latestMailTo, pathOf } from '../helpers/mail.js';
import { createOrganisation } from '../helpers/organisations.js';
import { expectCount, expectFocus, expectPath, expectText } from '../helpers/page-state.js';
import { buildTestApp } from '../helpers/test-app.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

/**
 * Submits the focused form with Enter, waits for the page that comes back and checks where it landed.
 * When the form posts back to the same address, waitForURL would resolve at once, so the navigation
 * itself is awaited instead.
 */
async function submitAndExpect(page: Page, expectedPath: string): Promise<void> {
  const samePage = new URL(page.url()).pathname === expectedPath;
  try {
    await Promise.all([
      samePage
        ? page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame())
        : page.waitForURL((url) => url.pathname === expectedPath, { timeout: 10_000 }),
      page.keyboard.press('Enter'),
    ]);
  } catch (error) {
    // Say what the page said instead (its heading and any message), not only that we timed out.
    const said = await page.locator('h1, .error-summary, .flash').allTextContents();
    throw new Error(
      `expected ${expectedPath}, stayed on ${page.url()}: ${said.join(' | ').replace(/\s+/g, ' ')}`,
      { cause: error },
    );
  }
  await page.waitForLoadState('load');
  await expectPath(page, expectedPath);
  // The browser moves focus to an [autofocus] element in a later rendering step, after 'load': wait for
  // it, so the next key press cannot land before focus moves.
  await page.waitForFunction(() => {
    const target = document.querySelector('[autofocus]');
    return !target || document.activeElement === target;
  });
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

describe('account journeys in the browser, keyboard only (axe: WCAG 2.1 AA)', function () {
  this.timeout(90_000);
  useTestDatabase();
  let browser: Browser;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    server = await serve(buildTestApp());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'da-DK' });
    page = await context.newPage();
  });
  afterEach(async () => context?.close());

  it('when a volunteer signs up, verifies the address and logs in, then every step works by keyboard and passes axe', async () => {
    await page.goto(server.baseUrl + '/tilmeld');
    await expectNoAxeViolations(page);

    // A mistake first: the error summary takes focus and lists the problem.
    await typeInto(page, '#name', 'Frida Fjord');
    await submitAndExpect(page, '/tilmeld');
    await expectFocus(page, '.error-summary');
    await expectNoAxeViolations(page);

    await typeInto(page, '#email', 'frida@example.dk');
    await typeInto(page, '#password', TEST_PASSWORD);
    await submitAndExpect(page, '/tilmeld');
    await expectText(page, 'h1', /Tjek din e-mail/);
    await expectNoAxeViolations(page);

    const link = (await latestMailTo('frida@example.dk'))!.link!;
    await page.goto(server.baseUrl + pathOf(link));
    await expectNoAxeViolations(page);
    await tabTo(page, 'main button[type=submit]');
    await submitAndExpect(page, '/log-ind');
    await expectText(page, '.flash', /bekræftet/);
    await expectNoAxeViolations(page);

    await typeInto(page, '#email', 'frida@example.dk');
    await typeInto(page, '#password', TEST_PASSWORD);
    await submitAndExpect(page, '/overblik');
    await expectText(page, '.user-bar', /Frida Fjord · Frivillig/);
    await expectNoAxeViolations(page);
  });

  it('when a social worker logs in, then the second factor is set up, then asked for next time, all by keyboard and axe clean', async () => {
    const worker = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      name: 'Sigurd Sagsbehandler',
    });
    await page.goto(server.baseUrl + '/log-ind');
    await expectNoAxeViolations(page);
    await typeInto(page, '#email', worker.email);
    await typeInto(page, '#password', worker.password);
    await submitAndExpect(page, '/konto/totp/opsaet');
    await expectNoAxeViolations(page);

    const secret = ((await page.textContent('code.secret')) ?? '').replace(/\s+/g, '');
    await typeInto(page, '#code', totpCode(secret));
    await submitAndExpect(page, '/konto/totp/opsaet');
    await expectText(page, 'h1', /Gem dine gendannelseskoder/);
    await expectCount(page.locator('.codes li'), 10);
    await expectNoAxeViolations(page);

    await tabTo(page, 'main a.button');
    await submitAndExpect(page, '/overblik');
    await expectNoAxeViolations(page);

    // Log out by keyboard and back in: now the code is asked for.
    await tabTo(page, '.user-bar button');
    await submitAndExpect(page, '/');
    await page.goto(server.baseUrl + '/log-ind');
    await typeInto(page, '#email', worker.email);
    await typeInto(page, '#password', worker.password);
    await submitAndExpect(page, '/log-ind/totp');
    await expectNoAxeViolations(page);
    await typeInto(page, '#code', totpCode(secret, 1));
    await submitAndExpect(page, '/overblik');
    await expectText(page, '.user-bar', /Socialrådgiver/);
  });

  it('when a municipal administrator opens the staff and settings pages, then they pass axe and errors are announced', async () => {
    const adminUser = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      name: 'Kollega Karlsen',
    });
    await page.goto(server.baseUrl + '/log-ind');
    await page.fill('#email', adminUser.email);
    await page.fill('#password', adminUser.password);
    await page.focus('#password');
    await submitAndExpect(page, '/log-ind/totp');
    await page.fill('#code', totpCode(adminUser.totpSecret!));
    await page.focus('#code');
    await submitAndExpect(page, '/overblik');
    await expectNoAxeViolations(page);
    await page.goto(server.baseUrl + '/kommune/medarbejdere');
    await expectText(page, 'main', /Kollega Karlsen/);
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/kommune/foreninger');
    await expectNoAxeViolations(page);

    await page.goto(server.baseUrl + '/kommune/indstillinger');
    await expectNoAxeViolations(page);
    await page.fill('#followUpEveryWeeks', '99');
    await page.focus('#followUpEveryWeeks');
    await submitAndExpect(page, '/kommune/indstillinger');
    await expectFocus(page, '.error-summary');
    await expectNoAxeViolations(page);
  });

  it('when a coordinator opens the members and registration pages, then they pass axe', async () => {
    const clubId = await createOrganisation({ name: 'Nordstrand Gymnastikforening' });
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    await page.goto(server.baseUrl + '/log-ind');
    await page.fill('#email', coordinator.email);
    await page.fill('#password', coordinator.password);
    await page.focus('#password');
    await submitAndExpect(page, '/overblik');
    await page.goto(server.baseUrl + '/forening/medlemmer');
    await expectText(page, 'h1', /Nordstrand Gymnastikforening/);
    await expectNoAxeViolations(page);

    // The registration form with its radio buttons, checkboxes and errors.
    await page.goto(server.baseUrl + '/forening/ny');
    await expectNoAxeViolations(page);
    await page.focus('#name');
    await submitAndExpect(page, '/forening/ny');
    await expectFocus(page, '.error-summary');
    await expectNoAxeViolations(page);
  });
});
