import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser, TEST_PASSWORD, totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations, launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { latestMailTo, pathOf } from '../helpers/mail.js';
import { buildTestApp } from '../helpers/test-app.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

/** Moves focus with Tab only (as a keyboard user would) until the element matching selector has it. */
async function tabTo(page: Page, selector: string, maxPresses = 40): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
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
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    await expectNoAxeViolations(page);

    await typeInto(page, '#email', 'frida@example.dk');
    await typeInto(page, '#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL('**/tilmeld'), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('h1')) ?? '', /Tjek din e-mail/);
    await expectNoAxeViolations(page);

    const link = (await latestMailTo('frida@example.dk'))!.link!;
    await page.goto(server.baseUrl + pathOf(link));
    await expectNoAxeViolations(page);
    await tabTo(page, 'main button[type=submit]');
    await Promise.all([page.waitForURL('**/log-ind'), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('.flash')) ?? '', /bekræftet/);
    await expectNoAxeViolations(page);

    await typeInto(page, '#email', 'frida@example.dk');
    await typeInto(page, '#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL('**/konto'), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('.user-bar')) ?? '', /Frida Fjord · Frivillig/);
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
    await Promise.all([page.waitForURL('**/konto/totp/opsaet'), page.keyboard.press('Enter')]);
    await expectNoAxeViolations(page);

    const secret = ((await page.textContent('code.secret')) ?? '').replace(/\s+/g, '');
    await typeInto(page, '#code', totpCode(secret));
    await Promise.all([page.waitForURL('**/konto/totp/opsaet'), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('h1')) ?? '', /Gem dine gendannelseskoder/);
    assert.equal(await page.locator('.codes li').count(), 10);
    await expectNoAxeViolations(page);

    await tabTo(page, 'main a.button');
    await Promise.all([page.waitForURL('**/konto'), page.keyboard.press('Enter')]);
    await expectNoAxeViolations(page);

    // Log out by keyboard and back in: now the code is asked for.
    await tabTo(page, '.user-bar button');
    await Promise.all([page.waitForURL(/logget-ud/), page.keyboard.press('Enter')]);
    await page.goto(server.baseUrl + '/log-ind');
    await typeInto(page, '#email', worker.email);
    await typeInto(page, '#password', worker.password);
    await Promise.all([page.waitForURL('**/log-ind/totp'), page.keyboard.press('Enter')]);
    await expectNoAxeViolations(page);
    await typeInto(page, '#code', totpCode(secret, 1));
    await Promise.all([page.waitForURL('**/konto'), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('.user-bar')) ?? '', /Socialrådgiver/);
  });

  it('when a municipal administrator opens the staff page, then it passes axe', async () => {
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
    await Promise.all([page.waitForURL('**/log-ind/totp'), page.press('#password', 'Enter')]);
    await page.fill('#code', totpCode(adminUser.totpSecret!));
    await Promise.all([page.waitForURL('**/konto'), page.press('#code', 'Enter')]);
    await expectNoAxeViolations(page);
    await page.goto(server.baseUrl + '/kommune/medarbejdere');
    assert.match((await page.textContent('main')) ?? '', /Kollega Karlsen/);
    await expectNoAxeViolations(page);
  });
});
