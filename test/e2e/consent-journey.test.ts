import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { MatchModel } from '../../src/components/requests/match-model.js';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { createUser, TEST_PASSWORD, totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations } from '../helpers/browser.js';
import { clickAndWait, logIn, useBrowserSession } from '../helpers/browser-session.js';
import { createCandidate, createCandidateRequest } from '../helpers/candidates.js';
import { createMatch, createSocialWorker } from '../helpers/matching.js';
import { addMember, createOrganisation } from '../helpers/organisations.js';
import { expectPath, expectText, expectVisible } from '../helpers/page-state.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

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

/** Nothing wider than the screen: the page reflows at 320 px (WCAG 1.4.10). */
async function fitsWidth(page: Page, width: number): Promise<boolean> {
  return page.evaluate((max) => document.documentElement.scrollWidth <= max, width);
}

describe('journey: the family’s consent is recorded, starts the match, and is withdrawn by the family (axe: WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  useTestDatabase();
  const session = useBrowserSession();

  it('when the social worker records guardian consent and activates, and the family withdraws by their link, then the volunteer no longer sees the child', async () => {
    await importMunicipalities();
    const club = await createOrganisation({ name: 'Pandrup Gymnastikforening' });
    const coordinator = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: club }],
    });
    await addMember(club, coordinator.id);
    const adult = await createCandidate(club, { name: 'Maja Gymnast' });
    const worker = await createSocialWorker('0849', 'Sara Socialrådgiver');
    const requestId = await createCandidateRequest(worker.id);
    const matchId = await createMatch({
      requestId,
      organisationId: club,
      volunteerId: adult.id,
      proposedBy: worker.id,
      state: 'awaiting-consent',
    });
    await MatchModel.updateOne({ _id: matchId }, { $set: { childAlias: 'Ellen' } });
    const { server, page: volunteer } = session;

    // Before consent the volunteer sees an age band and the activity, never the child's name.
    await logIn(volunteer, server.baseUrl, adult.email);
    await volunteer.goto(server.baseUrl + '/frivillig/forslag');
    assert.doesNotMatch((await volunteer.textContent('main')) ?? '', /Ellen|fodbold/);
    await expectNoAxeViolations(volunteer);

    // The social worker opens the match's consent checklist from the request.
    const social = await session.newPage();
    await logInWithCode(social, server.baseUrl, worker.email, worker.totpSecret!);
    await social.goto(server.baseUrl + `/sager/${requestId}`);
    await clickAndWait(social, `a[href="/sager/${requestId}/match/${matchId}/samtykke"]`);
    await expectText(social, 'main', /mangler samtykke fra en forælder/);
    await expectNoAxeViolations(social);

    // A short form, filled in during a conversation with a parent.
    await social.check('#consenter-guardian');
    await social.fill('#initials', 'MH');
    await social.check('#custody-sole');
    await social.check('#purpose-share-details');
    await social.check('#purpose-take-part');
    await social.check('#recipient-organisation');
    await social.check('#recipient-adult');
    for (const field of ['alias', 'age', 'interests']) await social.check(`#field-${field}`);
    await social.selectOption('#how', 'signed-form');
    await clickAndWait(
      social,
      `form[action="/sager/${requestId}/match/${matchId}/samtykke"] button[type="submit"]`,
    );

    // The receipt: what was agreed, with whom, until when, how to withdraw, whom to call.
    const receipt = (await social.textContent('main')) ?? '';
    assert.match(receipt, /Kvittering for jeres samtykke/);
    assert.match(receipt, /Maja Gymnast/);
    assert.match(receipt, /Sara Socialrådgiver/);
    assert.match(receipt, /Aktivitet, tid og sted/);
    await expectNoAxeViolations(social);
    const link = await social.getAttribute('.receipt-link a', 'href');
    assert.ok(link && /\/samtykke\/[A-Za-z0-9_-]{43}$/.test(link), String(link));
    // Printed: the receipt and its link, without the site's navigation, footer or page links.
    await social.emulateMedia({ media: 'print' });
    await expectVisible(social.locator('.site-header').first(), false);
    await expectVisible(social.locator('.site-footer').first(), false);
    await expectVisible(social.locator('.receipt .no-print').first(), false);
    await expectVisible(social.locator('.receipt-link').first(), true);
    await expectVisible(social.locator('h1').first(), true);
    await social.emulateMedia({ media: 'screen' });

    // Back on the checklist, the gate passes and the match starts.
    await social.goto(server.baseUrl + `/sager/${requestId}/match/${matchId}/samtykke`);
    await clickAndWait(social, `form[action="/sager/${requestId}/match/${matchId}/aktiver"] button`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
    await social.setViewportSize({ width: 320, height: 800 });
    await social.goto(server.baseUrl + `/sager/${requestId}/match/${matchId}/samtykke`);
    assert.ok(await fitsWidth(social, 320), 'the checklist reflows at 320 px');
    await expectNoAxeViolations(social);

    await volunteer.reload();
    await expectText(volunteer, 'main', /Ellen/);

    // The family opens their link (no login), sees what they agreed to and withdraws with one confirmation.
    const family = await session.newPage();
    await family.setViewportSize({ width: 320, height: 800 });
    // The link is built from the configured address; the test server listens elsewhere.
    await family.goto(server.baseUrl + new URL(link).pathname);
    const agreed = (await family.textContent('main')) ?? '';
    assert.match(agreed, /Pandrup Gymnastikforening/);
    assert.doesNotMatch(agreed, /SAG-KAND|Fortroligt/);
    assert.ok(await fitsWidth(family, 320), 'the family page reflows at 320 px');
    await expectNoAxeViolations(family);
    await clickAndWait(family, 'main form button');
    await expectText(family, 'main', /Samtykket er trukket tilbage/);
    await expectNoAxeViolations(family);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');

    // On the volunteer's next request the child is gone.
    await volunteer.reload();
    const after = (await volunteer.textContent('main')) ?? '';
    assert.doesNotMatch(after, /Ellen|fodbold/);
    // Paused, with nothing of the child but an age band; a withdrawal is never shown as "not yet given".
    assert.match(after, /Et barn, 10-12 år – På pause/);
    assert.doesNotMatch(after, /endnu ikke givet samtykke/);
  });

  it('when a municipal administrator opens the consent rules, then the page passes axe', async () => {
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    await importMunicipalities();
    const { server, page } = session;
    await logInWithCode(page, server.baseUrl, admin.email, admin.totpSecret!);
    await page.goto(server.baseUrl + '/kommune/samtykke');
    await expectPath(page, '/kommune/samtykke');
    await expectNoAxeViolations(page);
  });
});
