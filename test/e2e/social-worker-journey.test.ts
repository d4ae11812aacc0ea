import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { forgetCandidateBase } from '../../src/components/candidates/index.js';
import { MatchModel } from '../../src/components/requests/match-model.js';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations, launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { createSocialWorker } from '../helpers/matching.js';
import { createOffer } from '../helpers/offers.js';
import { createOrganisation } from '../helpers/organisations.js';
import { expectText } from '../helpers/page-state.js';
import { createVettedMember } from '../helpers/vetting.js';
import { createProfile } from '../helpers/volunteers.js';
import { createUser } from '../helpers/accounts.js';
import { buildTestApp } from '../helpers/test-app.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

async function submit(page: Page, button: string, expectedPath: RegExp): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => expectedPath.test(url.pathname), { timeout: 15_000 }),
    page.click(button),
  ]);
  await page.waitForLoadState('load');
}

describe('the social worker’s journey from a new request to a proposal (axe: WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  useTestDatabase();
  let browser: Browser;
  let server: RunningServer;

  before(async function () {
    browser = await launchBrowser(this);
    server = await serve(buildTestApp());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when a social worker creates a request, then ranked candidates show with reasons and one can be proposed', async () => {
    await importMunicipalities();
    const club = await createOrganisation({ name: 'Pandrup Gymnastikforening' });
    const adult = await createVettedMember(club, { user: await createUser({ name: 'Maja Gymnast' }) });
    await createProfile(adult.id, { interests: ['gymnastik', 'fodbold'] });
    await createOffer(club, { title: 'Gymnastik tirsdag', adultIds: [adult.id], tags: ['gymnastik'] });
    const unvetted = await createUser({ name: 'Ole Uden' });
    await createVettedMember(club, { user: unvetted, state: 'missing-training' });
    await createProfile(unvetted.id);
    forgetCandidateBase();
    const sara = await createSocialWorker('0849', 'Sara Socialrådgiver');

    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(server.baseUrl + '/log-ind');
    await page.fill('#email', sara.email);
    await page.fill('#password', sara.password);
    await submit(page, 'main button[type=submit]', /^\/log-ind\/totp$/);
    await page.fill('#code', totpCode(sara.totpSecret!));
    await submit(page, 'main button[type=submit]', /^\/overblik$/);

    await page.goto(server.baseUrl + '/sager/ny');
    await expectNoAxeViolations(page);
    await page.fill('#caseRef', 'SAG-2026-0042');
    await page.fill('#birthYear', String(new Date().getUTCFullYear() - 9));
    await page.selectOption('#birthMonth', '1');
    await page.fill('#postcode', '9490');
    await page.selectOption('#preventsStep', 'family-support');
    await page.fill('#interests', 'gymnastik, tegning');
    await page.selectOption('#weekday1', '2');
    await page.fill('#from1', '16:00');
    await page.fill('#to1', '18:00');
    await submit(page, 'main form button[type=submit]:not(.button--secondary)', /^\/sager\/[0-9a-f]{24}$/);
    const requestPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);

    await page.click(`a[href="${requestPath}/kandidater"]`);
    await page.waitForURL((url) => url.pathname === `${requestPath}/kandidater`);
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /Maja · Pandrup Gymnastikforening/);
    assert.match(main, /1 mere blev sorteret fra: 1 ikke godkendt/);
    assert.doesNotMatch(main, /Ole/);
    assert.match(main, /Fælles: gymnastik/);
    await expectNoAxeViolations(page);

    await page.click('summary:has-text("Foreslå Maja")');
    await page.fill('input[name=childAlias]', 'E.');
    await page.fill('textarea[name=askText]', 'Tag barnet med til gymnastik om tirsdagen.');
    await expectNoAxeViolations(page);
    await submit(page, 'button:has-text("Send forslag til Maja")', new RegExp(`^${requestPath}$`));
    assert.equal(await MatchModel.countDocuments({ volunteerId: adult.id, state: 'proposed' }), 1);
    await expectText(page, 'main', /Maja/);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
