import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-content.js';
import { TEST_PASSWORD, totpCode, type TestUser } from './accounts.js';
import { launchBrowser, serve, type RunningServer } from './browser.js';
import { buildTestApp } from './test-app.js';

export interface BrowserSession {
  readonly browser: Browser;
  readonly server: RunningServer;
  /** A fresh Danish browser page for each test (its context is closed after the test). */
  readonly page: Page;
  /** Another page in a context of its own: a second person in the same test. */
  newPage(): Promise<Page>;
}

/**
 * One Chromium and one app server for the suite, a fresh Danish context per test: the set-up every
 * browser test shares. Register it inside a describe().
 */
export function useBrowserSession(buildApp: () => Express = () => buildTestApp()): BrowserSession {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  let page: Page | undefined;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser!.newContext({ locale: 'da-DK' });
    contexts.push(context);
    return context.newPage();
  };

  before(async function () {
    browser = await launchBrowser(this);
    server = await serve(buildApp());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await newPage();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
    get page() {
      return page!;
    },
    newPage,
  };
}

/** Moves focus with Tab only (as a keyboard user would) until the element matching selector has it. */
export async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

/** Logs in through the login form (no second factor: for volunteers and coordinators). */
export async function logIn(page: Page, baseUrl: string, email: string, password = TEST_PASSWORD) {
  await page.goto(baseUrl + '/log-ind');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/overblik'),
    page.press('#password', 'Enter'),
  ]);
}

/** Logs staff in through both steps: the password, then the current code of their second factor. */
export async function logInWithCode(page: Page, baseUrl: string, person: TestUser): Promise<void> {
  await page.goto(baseUrl + '/log-ind');
  await page.fill('#email', person.email);
  await page.fill('#password', person.password);
  await Promise.all([page.waitForURL(/\/log-ind\/totp$/), page.press('#password', 'Enter')]);
  await page.fill('#code', totpCode(person.totpSecret!));
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/log-ind/totp'),
    page.press('#code', 'Enter'),
  ]);
}

/** Clicks something that submits a form and waits for the page that answers (same address or not). */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
}

/** Logs a demo person in through the login form; demo staff skip the second factor as a newcomer may. */
export async function logInAsDemo(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(baseUrl + '/log-ind');
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/log-ind'),
    page.press('#password', 'Enter'),
  ]);
  if (new URL(page.url()).pathname === '/konto/totp/opsaet') {
    await Promise.all([
      // The skip is a form post answered by a redirect: wait for the home it leads to, not for any other address.
      page.waitForURL((url) => url.pathname === '/overblik', { timeout: 15_000 }).catch(() => undefined),
      page.click('form[action="/konto/totp/spring-over"] button'),
    ]);
  }
  assert.equal(new URL(page.url()).pathname, '/overblik', `${email} lands on the home page`);
}
