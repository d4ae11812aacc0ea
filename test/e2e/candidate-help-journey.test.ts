import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { forgetCandidateBase } from '../../src/components/candidates/index.js';
import { RequestModel } from '../../src/components/requests/request-model.js';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { createUser, totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations, launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { createCandidate, createCandidateRequest, createOrganisationOfKind } from '../helpers/candidates.js';
import { createSocialWorker } from '../helpers/matching.js';
import { expectText } from '../helpers/page-state.js';
import { buildTestApp } from '../helpers/test-app.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

async function submit(page: Page, button: string, expectedPath: RegExp): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => expectedPath.test(url.pathname), { timeout: 15_000 }),
    page.click(button),
  ]);
  await page.waitForLoadState('load');
}

describe('the social worker finds a way forward when no candidate fits (axe: WCAG 2.1 AA)', function () {
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

  it('when nobody fits, then the page names the wider distance, applies it in one click, asks for a renewal and can wait', async () => {
    await importMunicipalities();
    const club = await createOrganisationOfKind('association');
    await createUser({ name: 'Karin Koordinator', roles: [{ role: 'coordinator', organisationId: club }] });
    await createCandidate(club, { name: 'Fjern Fjernsen', lat: 57.22 + 12 / 111.2 });
    await createCandidate(club, { name: 'Ulla Uattest', vetted: false });
    const sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    const requestId = await createCandidateRequest(sara.id, { maxTravelKm: 10 });
    forgetCandidateBase();
    const candidates = `/sager/${requestId}/kandidater`;

    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(server.baseUrl + '/log-ind');
    await page.fill('#email', sara.email);
    await page.fill('#password', sara.password);
    await submit(page, 'main button[type=submit]', /^\/log-ind\/totp$/);
    await page.fill('#code', totpCode(sara.totpSecret!));
    await submit(page, 'main button[type=submit]', /^\/overblik$/);

    await page.goto(server.baseUrl + candidates);
    let main = (await page.textContent('main')) ?? '';
    assert.match(main, /Udvid afstanden til 15 km: 1 mere/);
    assert.match(main, /1 ville passe, når sin børneattest er fornyet\./);
    assert.doesNotMatch(main, /Fjern|Ulla/);
    await expectNoAxeViolations(page);

    await submit(page, 'button:has-text("Bed deres organisation om det")', new RegExp(`^${candidates}$`));
    await expectText(page, '.flash', /Organisationen er bedt om at forny godkendelsen/);

    await submit(page, 'button[aria-describedby="relax-0"]', new RegExp(`^${candidates}$`));
    await expectText(page, '.flash', /Sagen er rettet/);
    main = (await page.textContent('main')) ?? '';
    assert.match(main, /Fjern · /);
    assert.equal((await RequestModel.findById(requestId).lean())?.maxTravelKm, 15);
    await expectNoAxeViolations(page);

    await submit(page, 'button:has-text("Vent på kandidater")', new RegExp(`^${candidates}$`));
    await expectText(page, 'main', /Sagen venter på kandidater siden/);
    await expectNoAxeViolations(page);
    await page.goto(server.baseUrl + `/sager/${requestId}`);
    await expectText(page, 'main', /Venter på kandidater siden/);
    await context.close();
  });
});
