import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { followUpJobs } from '../../src/components/followups/followups-jobs.js';
import { runJob } from '../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../src/shared/mail/index.js';
import { createUser, TEST_PASSWORD, totpCode } from '../helpers/accounts.js';
import { expectNoAxeViolations } from '../helpers/browser.js';
import { clickAndWait, useBrowserSession } from '../helpers/browser-session.js';
import { storeConsent } from '../helpers/consent.js';
import { followUpCase } from '../helpers/followups.js';
import { latestMailTo, pathOf } from '../helpers/mail.js';
import { expectCount, expectPath, expectText } from '../helpers/page-state.js';
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

describe('journey: a volunteer checks in from the reminder on a phone, the social worker sees the worry (axe)', function () {
  this.timeout(120_000);
  useTestDatabase();
  const session = useBrowserSession();

  it('when the volunteer follows the e-mail link at 320 px and answers with a worry, then the social worker finds it flagged', async () => {
    const c = await followUpCase('active', new Date(Date.now() - 15 * 86_400_000));
    // The family agreed that the adult may know the child's first name, so the check-in may use it.
    await storeConsent({
      requestId: c.requestId,
      matchId: c.matchId,
      organisationId: c.organisationId,
      volunteerId: c.bo.id,
      recordedBy: c.sara.id,
      validUntil: new Date(Date.now() + 365 * 86_400_000),
      fields: ['alias'],
    });
    const jobs = new Map(followUpJobs('https://brobygning.test').map((job) => [job.name, job]));
    await runJob(jobs.get('followups:plan')!);
    await runJob(jobs.get('followups:reminders')!);
    const reminder = await latestMailTo(c.bo.email);
    assert.equal(reminder?.template, 'followup-checkin-reminder');
    const formPath = pathOf(reminder!.link!);
    const { server, page } = session;

    // A phone: the link asks for login first, then goes straight to the form.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.baseUrl + formPath);
    await expectPath(page, '/log-ind');
    await page.fill('#email', c.bo.email);
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === formPath.split('?')[0]),
      page.press('#password', 'Enter'),
    ]);
    await expectText(page, 'h1', /Hvordan går det med E\./);
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'nothing scrolls sideways at 320 px',
    );
    await expectNoAxeViolations(page);

    const started = Date.now();
    await page.fill('#meetings', '2');
    await page.check('#goes-4');
    await page.check('#wellbeing-2');
    await page.check('#worry-yes');
    await page.fill('#worryText', 'Han siger, han ikke sover om natten.');
    await page.check('#wishContinue');
    await clickAndWait(page, 'form[action^="/frivillig/opfoelgning/"] button[type="submit"]');
    const seconds = (Date.now() - started) / 1000;
    // A worry is answered at once: who was told, and whom to call if a child is in danger now.
    await expectPath(page, formPath.split('?')[0]);
    await expectText(page, '.flash', /Tak! Dit svar er sendt/);
    await expectText(page, 'main', /Din bekymring er sendt/);
    await expectCount(page.locator('a[href="tel:112"]'), 1);
    await expectNoAxeViolations(page);
    console.log(`      check-in answered in ${seconds.toFixed(1)} s of browser time (5 questions, one page)`);
    assert.equal(
      await OutboxMessageModel.countDocuments({ to: c.sara.email, template: 'followup-worry' }),
      1,
    );

    // The social worker's overview shows the worry first; the follow-up page shows its text.
    const social = await session.newPage();
    await logInWithCode(social, server.baseUrl, c.sara.email, c.sara.totpSecret!);
    await social.goto(server.baseUrl + '/opfoelgning');
    await expectText(social, 'main', /Bekymring om E\./);
    await expectNoAxeViolations(social);
    await clickAndWait(social, 'a:has-text("Bekymring om E.")');
    await expectText(social, 'main', /ikke sover om natten/);
    await expectNoAxeViolations(social);
    // What was done is recorded on the same page, once.
    await social.check('#actions-talked-family');
    await social.fill('#note', 'Ringet til mor; aftalt møde.');
    await clickAndWait(social, 'form[action$="/bekymring"] button[type="submit"]');
    await expectText(social, 'main', /Håndteret .* af /);
    await expectNoAxeViolations(social);
    await social.goto(server.baseUrl + `/opfoelgning/forloeb/${c.matchId}`);
    await expectCount(social.locator('svg[role="img"] title'), 1);
    await expectNoAxeViolations(social);

    // The coordinator's view: done, and nothing about the child.
    const coordinator = await session.newPage();
    await logInWithCode(coordinator, server.baseUrl, c.karin.email, c.karin.totpSecret!);
    await coordinator.goto(server.baseUrl + '/forening/opfoelgning');
    const text = (await coordinator.textContent('main')) ?? '';
    assert.match(text, /gennemført/);
    assert.doesNotMatch(text, /sover/);
    await expectNoAxeViolations(coordinator);
  });

  it('when the social worker opens their caseload and a leader the team view on a phone, then both read well (axe, no sideways scrolling)', async () => {
    const c = await followUpCase('active', new Date(Date.now() - 15 * 86_400_000));
    const jobs = new Map(followUpJobs('https://brobygning.test').map((job) => [job.name, job]));
    await runJob(jobs.get('followups:plan')!);
    const leader = await createUser({
      name: 'Lis Leder',
      roles: [{ role: 'leader', municipalityCode: '0849' }],
      totp: true,
    });
    const { server, page } = session;
    for (const [person, path] of [
      [c.sara, '/sager/rapport'],
      [leader, '/kommune/rapport/team'],
    ] as const) {
      const tab = person === c.sara ? page : await session.newPage();
      await tab.setViewportSize({ width: 320, height: 640 });
      await logInWithCode(tab, server.baseUrl, person.email, person.totpSecret!);
      await clickAndWait(tab, `a[href="${path}"]`);
      await expectPath(tab, path, 'reached from the home');
      await expectCount(tab.locator('svg[role="img"] title'), 1);
      assert.ok(
        await tab.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `nothing scrolls sideways at 320 px on ${path}`,
      );
      await expectNoAxeViolations(tab);
      await tab.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolations(tab);
    }
  });
});
