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
import { expectPath, expectText } from '../helpers/page-state.js';
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

describe('journey: a proposal is answered and the match starts (axe: WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  useTestDatabase();
  const session = useBrowserSession();

  it('when the coordinator and the volunteer accept, then the match awaits the family’s consent', async () => {
    await importMunicipalities();
    const club = await createOrganisation({ name: 'Pandrup Gymnastikforening' });
    const coordinator = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: club }],
    });
    await addMember(club, coordinator.id);
    // A vetted member with a profile: acceptance checks eligibility again with an exact read.
    const adult = await createCandidate(club, { name: 'Maja Gymnast' });
    const worker = await createSocialWorker('0849', 'Sara Socialrådgiver');
    const requestId = await createCandidateRequest(worker.id);
    const matchId = await createMatch({
      requestId,
      organisationId: club,
      volunteerId: adult.id,
      proposedBy: worker.id,
    });
    const { server, page } = session;

    // Before the family's consent, the coordinator sees only an age band and the activity.
    await logIn(page, server.baseUrl, coordinator.email);
    await page.goto(server.baseUrl + '/forening/forslag');
    const offered = (await page.textContent('main')) ?? '';
    assert.doesNotMatch(offered, /Tag barnet med til træning om tirsdagen/);
    assert.match(offered, /Aktivitet/);
    assert.doesNotMatch(offered, /Fortroligt|SAG-TEST/);
    await expectNoAxeViolations(page);
    await clickAndWait(page, `form[action="/forening/forslag/${matchId}/accepter"] button`);
    await expectNoAxeViolations(page);

    // The volunteer accepts for themself.
    const volunteer = await session.newPage();
    await logIn(volunteer, server.baseUrl, adult.email);
    await volunteer.goto(server.baseUrl + '/frivillig/forslag');
    await expectNoAxeViolations(volunteer);
    await clickAndWait(volunteer, `form[action="/frivillig/forslag/${matchId}/accepter"] button`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');
    // Accepted by both: the volunteer sees who, where and when.
    await volunteer.goto(server.baseUrl + '/frivillig/forslag');
    await expectText(volunteer, '.after-acceptance', /Ansvarlig socialrådgiver/);
    await expectNoAxeViolations(volunteer);

    // The social worker sees the match awaiting consent (the consent journey takes it from here).
    const social = await session.newPage();
    await logInWithCode(social, server.baseUrl, worker.email, worker.totpSecret!);
    await social.goto(server.baseUrl + '/sager');
    await expectNoAxeViolations(social);
    await social.goto(server.baseUrl + `/sager/${requestId}`);
    await expectNoAxeViolations(social);
    await expectText(social, 'main', /Venter på familiens samtykke/);

    // The other pages a social worker and an administrator reach pass axe too.
    await social.goto(server.baseUrl + '/sager/soeg?interesse=gymnastik');
    await expectNoAxeViolations(social);
  });

  it('when a municipal administrator opens the ranking weights, then the page passes axe', async () => {
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    await importMunicipalities();
    const { server, page } = session;
    await logInWithCode(page, server.baseUrl, admin.email, admin.totpSecret!);
    await page.goto(server.baseUrl + '/kommune/matchvaegte');
    await expectPath(page, '/kommune/matchvaegte');
    await expectNoAxeViolations(page);
  });
});
