import assert from 'node:assert/strict';
import { Router } from 'express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultComponents } from '../../src/component-list.js';
import { expectNoAxeViolations, launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { clickAndWait } from '../helpers/browser-session.js';
import { expectAttribute, expectFocus, expectPath, expectText } from '../helpers/page-state.js';
import { buildTestApp } from '../helpers/test-app.js';
import { testConfig } from '../helpers/test-config.js';

describe('public pages in the browser (axe: WCAG 2.1 AA)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    const failing = Router();
    failing.get('/e2e-fejl', () => {
      throw new Error('deliberate failure for the 500 page');
    });
    server = await serve(
      buildTestApp({
        components: [...defaultComponents(testConfig()), { name: 'failing', router: failing }],
      }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // A Danish visitor's browser: the app picks the language from Accept-Language.
    context = await browser.newContext({ locale: 'da-DK' });
    page = await context.newPage();
  });
  afterEach(async () => context?.close());

  it('when a visitor opens the front page and switches language, then each version is Danish/English and passes axe', async () => {
    await page.goto(server.baseUrl + '/');
    await expectAttribute(page, 'html', 'lang', 'da');
    await expectText(page, 'h1', /Den voksne, et barn har brug for/);
    await expectNoAxeViolations(page);

    await clickAndWait(page, 'text=Read in English');
    await expectPath(page, '/');
    await expectAttribute(page, 'html', 'lang', 'en');
    await expectText(page, 'h1', /The adult a child needs/);
    await expectNoAxeViolations(page);

    await clickAndWait(page, 'text=Læs på dansk');
    await expectAttribute(page, 'html', 'lang', 'da');
  });

  it('when the footer link is followed, then the accessibility statement opens and passes axe', async () => {
    await page.goto(server.baseUrl + '/');
    await clickAndWait(page, 'footer >> text=Tilgængelighedserklæring');
    await expectPath(page, '/tilgaengelighed');
    await expectText(page, 'h1', /Tilgængelighedserklæring/);
    await expectNoAxeViolations(page);
  });

  it('when a page does not exist, then the 404 page shows the request id and passes axe', async () => {
    const response = await page.goto(server.baseUrl + '/findes-ikke');
    assert.equal(response?.status(), 404);
    const requestId = response?.headers()['x-request-id'];
    assert.ok(requestId);
    assert.ok((await page.textContent('main'))?.includes(requestId));
    await expectNoAxeViolations(page);
  });

  it('when a page fails, then the 500 page shows a reference, no internals, and passes axe', async () => {
    const response = await page.goto(server.baseUrl + '/e2e-fejl');
    assert.equal(response?.status(), 500);
    const text = (await page.textContent('body')) ?? '';
    assert.ok(text.includes(response!.headers()['x-request-id']));
    assert.doesNotMatch(text, /deliberate failure|\.ts:\d+/);
    await expectNoAxeViolations(page);
  });

  it('when only the keyboard is used, then the skip link comes first, is visible, and leads to the content', async () => {
    await page.goto(server.baseUrl + '/');
    await page.keyboard.press('Tab');
    await expectFocus(page, '.skip-link');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Gå til indhold');
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#main');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

    // Onwards by keyboard to the language link, and Enter follows it.
    for (let step = 0; step < 20; step += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Read in English')
        break;
    }
    // The language link leads back to the same address: wait for the new page, not for the address.
    await Promise.all([
      page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
      page.keyboard.press('Enter'),
    ]);
    await expectPath(page, '/');
    await expectAttribute(page, 'html', 'lang', 'en');
  });

  it('when the screen is 320 px wide, then nothing scrolls sideways (reflow, WCAG 1.4.10)', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', '/tilgaengelighed', '/log-ind', '/tilmeld']) {
      await page.goto(server.baseUrl + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${path} is ${width}px wide`);
    }
  });

  it('when the front page loads, then every request stays on our own origin and no script is loaded', async () => {
    const requested: Array<{ url: string; type: string }> = [];
    page.on('request', (request) => requested.push({ url: request.url(), type: request.resourceType() }));
    await page.goto(server.baseUrl + '/');
    await page.waitForLoadState('networkidle');
    assert.ok(requested.length > 1);
    for (const request of requested) assert.ok(request.url.startsWith(server.baseUrl + '/'), request.url);
    assert.deepEqual(
      requested.filter((request) => request.type === 'script'),
      [],
    );
  });
});
