import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { importMunicipalities } from '../../src/components/municipalities/index.js';
import { createUser, TEST_PASSWORD } from '../helpers/accounts.js';
import { clickAndWait, logIn, useBrowserSession } from '../helpers/browser-session.js';
import { expectNoAxeViolations } from '../helpers/browser.js';
import { latestMailTo, pathOf } from '../helpers/mail.js';
import { addMember, createOrganisation } from '../helpers/organisations.js';
import { expectPath, expectText } from '../helpers/page-state.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

/** Submits a form and insists that it was accepted (no error summary on the answer). */
async function submit(page: Page, buttonSelector: string): Promise<void> {
  await clickAndWait(page, buttonSelector);
  if ((await page.locator('.error-summary').count()) > 0) {
    throw new Error(`the form said: ${await page.textContent('.error-summary')}`);
  }
}

const isoDate = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

describe('journey: a volunteer signs up, joins a club and is vetted (axe: WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  useTestDatabase();
  const session = useBrowserSession();

  it('when the volunteer and the coordinator do every step in the browser, then the volunteer shows as vetted', async () => {
    await importMunicipalities();
    const clubId = await createOrganisation({ name: 'Nordstrand Gymnastikforening' });
    const coordinatorUser = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: clubId }],
    });
    await addMember(clubId, coordinatorUser.id);
    const { server, page: volunteer } = session;
    const coordinator = await session.newPage();

    // The volunteer signs up and confirms the address.
    await volunteer.goto(server.baseUrl + '/tilmeld');
    await volunteer.fill('#name', 'Frida Fjord');
    await volunteer.fill('#email', 'frida@example.dk');
    await volunteer.fill('#password', TEST_PASSWORD);
    await submit(volunteer, 'main button[type=submit]');
    const link = (await latestMailTo('frida@example.dk'))!.link!;
    await volunteer.goto(server.baseUrl + pathOf(link));
    await submit(volunteer, 'main button[type=submit]');
    await logIn(volunteer, server.baseUrl, 'frida@example.dk');

    // … builds a profile …
    await volunteer.goto(server.baseUrl + '/frivillig/profil');
    await volunteer.fill('#interests', 'gymnastik, leg');
    await volunteer.fill('#postcode', '9490');
    await volunteer.selectOption('#weekday1', '2');
    await volunteer.fill('#from1', '16:00');
    await volunteer.fill('#to1', '18:00');
    await volunteer.check('#frequency-weekly');
    await submit(volunteer, 'main form[action="/frivillig/profil"] button[type=submit]');
    await expectPath(volunteer, '/frivillig');
    await expectNoAxeViolations(volunteer);

    // … and asks to join the club.
    await volunteer.goto(server.baseUrl + '/frivillig/foreninger');
    await expectNoAxeViolations(volunteer);
    await submit(volunteer, `form[action="/frivillig/foreninger/${clubId}/anmod"] button`);

    // The coordinator approves the request.
    await logIn(coordinator, server.baseUrl, coordinatorUser.email);
    await coordinator.goto(server.baseUrl + '/forening/medlemmer');
    await expectNoAxeViolations(coordinator);
    await submit(coordinator, 'form[action$="/godkend"] button');

    // The volunteer consents to the club ordering a børneattest.
    await volunteer.goto(server.baseUrl + '/frivillig/godkendelse');
    await expectNoAxeViolations(volunteer);
    await submit(volunteer, `form[action="/frivillig/godkendelse/${clubId}/samtykke"] button`);

    // The coordinator records every step.
    await coordinator.goto(server.baseUrl + '/forening/godkendelse');
    await expectNoAxeViolations(coordinator);
    await Promise.all([
      coordinator.waitForURL(/\/forening\/godkendelse\/[0-9a-f]{24}$/),
      coordinator.click('main a:has-text("Frida Fjord")'),
    ]);
    const memberPage = coordinator.url();
    await expectNoAxeViolations(coordinator);
    await submit(coordinator, 'form[action$="/bestilt"] button');
    await coordinator.check('#outcome');
    await submit(coordinator, 'form[action$="/udfald"] button');
    await coordinator.fill('#heldOn', isoDate(3));
    await coordinator.fill('#interviewer', 'Karin Koordinator');
    await coordinator.check('#interviewOutcome');
    await submit(coordinator, 'form[action$="/samtale"] button');
    for (const slot of [1, 2]) {
      await coordinator.check(`#checked-${slot}-yes`);
      await submit(coordinator, `form[action$="/reference"]:has(input[name=slot][value="${slot}"]) button`);
    }
    await coordinator.fill('#hours', '3');
    await coordinator.fill('#completedOn', isoDate(1));
    await submit(coordinator, 'form[action$="/kursus"] button');
    assert.equal(coordinator.url(), memberPage);
    assert.equal((await coordinator.locator('main p strong').first().textContent())?.trim(), 'Godkendt');
    await expectNoAxeViolations(coordinator);

    // The volunteer now shows as vetted, to themself and in the coordinator's overview.
    await volunteer.goto(server.baseUrl + '/frivillig/godkendelse');
    await expectText(volunteer, 'main', /Du er godkendt/);
    await expectNoAxeViolations(volunteer);
    await coordinator.goto(server.baseUrl + '/forening/godkendelse');
    await expectText(coordinator, 'main', /Godkendt: 1\./);
  });
});
