import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/shared/db/free-port.js';
import { createUser } from '../helpers/accounts.js';
import { expectNoAxeViolations, launchBrowser } from '../helpers/browser.js';
import { logInWithCode, tabTo } from '../helpers/browser-session.js';
import {
  configureProvider,
  startIdentityProvider,
  TEST_CLIENT,
  type TestIdentityProvider,
} from '../helpers/identity-provider.js';
import { expectFocus, expectPath, expectText } from '../helpers/page-state.js';
import { buildTestApp } from '../helpers/test-app.js';
import { testConfig } from '../helpers/test-config.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

const AARHUS = '0751';

describe('staff sign-in through the municipality’s provider in the browser, keyboard only (axe: WCAG 2.1 AA)', function () {
  this.timeout(90_000);
  useTestDatabase();
  let browser: Browser;
  let server: Server;
  let baseUrl: string;
  let idp: TestIdentityProvider;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    // The redirect URI is built from the configured base URL, so the app listens where it says it does.
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider({ redirectUris: [`${baseUrl}/log-ind/kommune/svar`] });
    const app = buildTestApp({ config: testConfig({ PUBLIC_BASE_URL: baseUrl }) });
    await new Promise<void>((resolve) => {
      server = app.listen(port, '127.0.0.1', () => resolve());
    });
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await idp?.close();
  });
  beforeEach(async () => {
    idp.accounts.set('anna', {
      email: 'anna.berg@aarhus.dk',
      name: 'Anna Berg',
      groups: ['brobygning-sagsbehandlere'],
    });
    idp.nextLogin = { accountId: 'anna', acr: 'substantial' };
    context = await browser.newContext({ locale: 'da-DK' });
    page = await context.newPage();
  });
  afterEach(async () => context?.close());

  async function submitWithEnter(expectedPath: string) {
    await Promise.all([
      page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('load');
    await expectPath(page, expectedPath);
  }

  it('when the administrator connects the provider, then the form tells what is wrong, saves, and passes axe', async () => {
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: AARHUS }],
      totp: true,
    });
    await logInWithCode(page, baseUrl, admin);
    await page.goto(`${baseUrl}/kommune/indstillinger`);
    await tabTo(page, 'a[href="/kommune/log-ind-udbyder"]');
    await submitWithEnter('/kommune/log-ind-udbyder');
    await expectNoAxeViolations(page);

    await tabTo(page, '#issuer');
    await page.keyboard.type(idp.issuer);
    await tabTo(page, '#groupRoles');
    await page.keyboard.type('it-drift = platform-admin');
    await tabTo(page, 'button[type="submit"]');
    await submitWithEnter('/kommune/log-ind-udbyder');
    await expectFocus(page, '.error-summary');
    await expectText(page, '.error-summary', /aldrig give platformens administratorrolle/);
    await expectNoAxeViolations(page);

    await page.fill('#clientId', TEST_CLIENT.id);
    await page.fill('#clientSecret', TEST_CLIENT.secret);
    await page.fill('#groupRoles', 'brobygning-sagsbehandlere = social-worker');
    // The staff domains are the platform administrator's to set: shown here, not editable.
    await expectText(page, 'main', /Kun platformens administrator ændrer domænerne/);
    await page.focus('#groupRoles');
    await tabTo(page, 'button[type="submit"]');
    await submitWithEnter('/kommune/log-ind-udbyder');
    await expectText(page, '.flash', /er gemt/);
    await expectNoAxeViolations(page);
  });

  it('when a social worker follows the municipality’s button, then they arrive home signed in, and every page passes axe', async () => {
    await configureProvider(idp.issuer);
    await page.goto(`${baseUrl}/log-ind`);
    await expectNoAxeViolations(page);
    await tabTo(page, `a[href="/log-ind/kommune/${AARHUS}"]`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/overblik', { timeout: 15_000 }),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
  });

  it('when a person types an address in the staff domain but is in no mapped group, then they are led to the provider and the clear page says so, passing axe', async () => {
    await configureProvider(idp.issuer);
    idp.accounts.get('anna')!.groups = ['alle-ansatte'];
    await page.goto(`${baseUrl}/log-ind`);
    await page.fill('#email', 'anna.berg@aarhus.dk');
    await page.press('#email', 'Enter');
    // The form's answer stays on our own origin (CSP form-action); a link leads on to the provider.
    await expectText(page, 'h1', /Log ind gennem Aarhus/);
    await expectNoAxeViolations(page);
    await tabTo(page, `a[href="/log-ind/kommune/${AARHUS}"]`);
    await page.keyboard.press('Enter');
    await expectText(page, 'h1', /Din kommune har ikke givet dig adgang til Brobygning/);
    await expectPath(page, '/log-ind/kommune/svar');
    await expectNoAxeViolations(page);
  });
});
