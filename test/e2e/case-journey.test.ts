import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { followUpJobs } from '../../src/components/followups/followups-jobs.js';
import { FollowUpModel } from '../../src/components/followups/followup-model.js';
import { forgetCandidateBase } from '../../src/components/candidates/index.js';
import { importMunicipalities, onboardMunicipality } from '../../src/components/municipalities/index.js';
import { translatorFor, type Language } from '../../src/shared/i18n/index.js';
import { runJob } from '../../src/shared/jobs/index.js';
import { createUser, type TestUser } from '../helpers/accounts.js';
import { expectNoAxeViolations } from '../helpers/browser.js';
import {
  clickAndWait,
  logIn,
  logInWithCode,
  useBrowserSession,
  type BrowserSession,
} from '../helpers/browser-session.js';
import { createCandidate } from '../helpers/candidates.js';
import { createSocialWorker } from '../helpers/matching.js';
import { createOffer } from '../helpers/offers.js';
import { addMember, createOrganisation } from '../helpers/organisations.js';
import { expectCount, expectText } from '../helpers/page-state.js';
import { useTestDatabase } from '../helpers/use-test-database.js';

const textOf = async (page: Page, selector = 'main') =>
  ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ');

/** The people of one case: a gymnastics club in Pandrup, its coordinator and coach, and a social worker. */
async function casePeople() {
  await importMunicipalities();
  await onboardMunicipality('0849');
  const club = await createOrganisation({ name: 'Pandrup Gymnastikforening' });
  const coordinator = await createUser({
    name: 'Karin Koordinator',
    roles: [{ role: 'coordinator', organisationId: club }],
    totp: true,
  });
  await addMember(club, coordinator.id);
  const coach = await createCandidate(club, { name: 'Maja Gymnast', interests: ['gymnastik'] });
  await createOffer(club, {
    title: 'Tirsdagsgymnastik',
    ageMin: 8,
    ageMax: 12,
    schedule: [{ weekday: 2, from: '16:00', to: '17:00' }],
    postcode: '9490',
    places: 2,
    adultIds: [coach.id],
  });
  const worker = await createSocialWorker('0849', 'Sara Socialrådgiver');
  // The server runs in this process: its candidate base must not be one read before these people existed.
  forgetCandidateBase();
  return { club, coordinator, coach, worker };
}

/**
 * One child's case, driven through the browser by the people who work it, in one language: at each step
 * the social worker's case page shows the state in the social worker's words and the one next action;
 * the coordinator and the volunteer read the same state in theirs; the family reads theirs on their link.
 */
async function caseJourney(session: BrowserSession, language: Language): Promise<void> {
  const t = translatorFor(language);
  const says = (key: string, params: Record<string, unknown> = {}) => String(t(key, params));
  const people = await casePeople();
  const { server } = session;
  const open = async (person: TestUser, withCode: boolean) => {
    const page = await session.newPage();
    await page.context().addCookies([{ name: 'lang', value: language, url: server.baseUrl }]);
    if (withCode) await logInWithCode(page, server.baseUrl, person);
    else await logIn(page, server.baseUrl, person.email);
    return page;
  };
  const social = await open(people.worker, true);
  const coordinator = await open(people.coordinator, true);
  const volunteer = await open(people.coach, false);

  // A new request: the child lives in Aabybro and the family asks for an adult within 5 km.
  await social.goto(server.baseUrl + '/sager/ny');
  await social.fill('#caseRef', 'SAG-REJSE-1');
  await social.fill('#birthYear', String(new Date().getUTCFullYear() - 10));
  await social.selectOption('#birthMonth', '4');
  await social.fill('#postcode', '9440');
  await social.fill('#interests', 'gymnastik');
  await social.fill('#needTags', 'en fast voksen');
  await social.fill('#needsText', 'Fortroligt: må aldrig stå uden for sagen.');
  await social.check('#language-da');
  await social.fill('#maxTravelKm', '5');
  await social.selectOption('#preventsStep', 'family-support');
  await social.fill('#expectedMonths', '6');
  await clickAndWait(social, 'main form button[type="submit"]');
  const casePath = new URL(social.url()).pathname;
  assert.match(casePath, /^\/sager\/[0-9a-f]{24}$/);
  const requestId = casePath.split('/')[2]!;
  await expectText(social, 'h1 + p', new RegExp(escape(says('caseState.socialWorker.new'))), {
    collapseSpace: true,
  });
  await expectText(social, '#next-heading + *', /./, { collapseSpace: true });
  await expectNoAxeViolations(social);

  // Candidates: Maja coaches in Pandrup, 8 km away; the page offers to widen the distance, in one click.
  await clickAndWait(social, `a[href="/sager/${requestId}/kandidater"]`);
  await expectText(social, 'main', new RegExp(escape(says('candidates.list.count', { count: 0 }))), {
    collapseSpace: true,
  });
  await expectNoAxeViolations(social);
  await clickAndWait(social, `form[action="/sager/${requestId}/kandidater/udvid"] button`);
  await expectText(social, 'main', /Maja/, { collapseSpace: true });

  // The proposal, from the candidate's card.
  await social.click('details summary');
  await social.fill('input[name="childAlias"]', 'Ellen');
  await social.fill('textarea[name="askText"]', 'Tag barnet med til tirsdagsgymnastik.');
  await clickAndWait(social, `form[action="/sager/${requestId}/foreslaa"] button[type="submit"]`);
  await social.goto(server.baseUrl + casePath);
  await expectText(social, 'h1 + p', new RegExp(escape(says('caseState.socialWorker.proposed'))), {
    collapseSpace: true,
  });

  // The coordinator and the volunteer each see a proposal waiting for them, and accept it.
  await coordinator.goto(server.baseUrl + '/forening/forslag');
  await expectNoAxeViolations(coordinator);
  await clickAndWait(coordinator, 'form[action$="/accepter"] button');
  // The volunteer finds it under what waits for an answer, with saying yes as the action.
  await volunteer.goto(server.baseUrl + '/frivillig/forslag');
  assert.equal(await textOf(volunteer, '#proposals-heading'), says('matching.answer.proposals'));
  await expectText(
    volunteer,
    'form[action$="/accepter"] button',
    new RegExp(escape(says('matching.answer.accept'))),
    { collapseSpace: true },
  );
  await clickAndWait(volunteer, 'form[action$="/accepter"] button');

  // Accepted: who, where and when; the family's consent is what the case waits for now.
  const afterAcceptance = await textOf(volunteer);
  assert.match(afterAcceptance, new RegExp(escape(says('caseState.volunteer.waiting-for-consent'))));
  assert.match(afterAcceptance, /Sara Socialrådgiver/);
  assert.match(afterAcceptance, /16:00/);
  await expectNoAxeViolations(volunteer);
  await coordinator.reload();
  await expectText(
    coordinator,
    'main',
    new RegExp(escape(says('caseState.coordinator.waiting-for-consent'))),
    { collapseSpace: true },
  );
  await expectText(coordinator, 'main', /Sara Socialrådgiver/, { collapseSpace: true });

  await social.goto(server.baseUrl + casePath);
  await expectText(social, 'h1 + p', new RegExp(escape(says('caseState.socialWorker.waiting-for-consent'))), {
    collapseSpace: true,
  });
  const nextStep = social.locator('#next-heading + * a.button, section:has(#next-heading) a.button');
  assert.equal(await nextStep.first().textContent(), says('caseState.next.record-consent'));

  // Both guardians (joint custody) consent, one at a time; only then is starting the next step.
  const recordGuardian = async (initials: string) => {
    await clickAndWait(social, 'section:has(#next-heading) a.button');
    await social.check('#consenter-guardian');
    await social.fill('#initials', initials);
    await social.check('#custody-joint');
    await social.check('#purpose-share-details');
    await social.check('#purpose-take-part');
    await social.check('#recipient-organisation');
    await social.check('#recipient-adult');
    for (const field of ['alias', 'age', 'interests']) await social.check(`#field-${field}`);
    await social.selectOption('#how', 'signed-form');
    await clickAndWait(social, 'form[action$="/samtykke"] button[type="submit"]');
    const link = await social.getAttribute('.receipt-link a', 'href');
    await social.goto(server.baseUrl + casePath);
    return link!;
  };
  await recordGuardian('MH');
  await expectText(
    social,
    'section:has(#next-heading)',
    new RegExp(escape(says('caseState.missing.second-guardian'))),
    { collapseSpace: true },
  );
  const familyLink = await recordGuardian('JH');
  await expectText(social, 'h1 + p', new RegExp(escape(says('caseState.socialWorker.ready-to-start'))), {
    collapseSpace: true,
  });
  await clickAndWait(social, 'section:has(#next-heading) button');
  await expectText(social, 'h1 + p', new RegExp(escape(says('caseState.socialWorker.active'))), {
    collapseSpace: true,
  });
  await expectNoAxeViolations(social);
  await volunteer.goto(server.baseUrl + '/frivillig/forslag');
  await expectText(volunteer, 'main', new RegExp(escape(says('caseState.volunteer.active'))), {
    collapseSpace: true,
  });

  // A check-in with a worry: the volunteer is told at once who knows, and whom to call now.
  await runJob(
    new Map(followUpJobs('https://brobygning.test').map((job) => [job.name, job])).get('followups:plan')!,
  );
  const today = new Date().toISOString().slice(0, 10);
  await FollowUpModel.updateMany({ audience: 'volunteer' }, { $set: { dueOn: today } });
  await volunteer.goto(server.baseUrl + '/frivillig/opfoelgning');
  await clickAndWait(volunteer, 'main a[href^="/frivillig/opfoelgning/"]');
  await volunteer.fill('#meetings', '2');
  await volunteer.check('#goes-4');
  await volunteer.check('#wellbeing-2');
  await volunteer.check('#worry-yes');
  await volunteer.fill('#worryText', 'Hun virker bange for at gå hjem.');
  await volunteer.check('#wishContinue');
  await clickAndWait(volunteer, 'form[action^="/frivillig/opfoelgning/"] button[type="submit"]');
  await expectText(volunteer, 'main', /Sara Socialrådgiver/, { collapseSpace: true });
  await expectCount(volunteer.locator('a[href="tel:112"]'), 1);
  await expectNoAxeViolations(volunteer);

  // The social worker handles the worry and records what was done.
  await social.goto(server.baseUrl + '/opfoelgning');
  await clickAndWait(social, 'section:has(#worries-heading) a[href^="/opfoelgning/"]');
  await expectText(social, 'main', /bange for at gå hjem/, { collapseSpace: true });
  await social.check('#actions-talked-family');
  await social.fill('#note', 'Ringet til mor; aftalt møde.');
  await clickAndWait(social, 'form[action$="/bekymring"] button[type="submit"]');
  await expectNoAxeViolations(social);
  await social.goto(server.baseUrl + '/overblik');
  assert.doesNotMatch(await textOf(social), new RegExp(escape(says('worry.home.unhandled', { count: 1 }))));

  // The family withdraws by their link: everyone reads "paused, withdrawn", never "not yet given".
  const family = await session.newPage();
  await family.context().addCookies([{ name: 'lang', value: language, url: server.baseUrl }]);
  await family.goto(server.baseUrl + new URL(familyLink).pathname);
  await expectText(family, 'main', new RegExp(escape(says('caseState.family.active'))), {
    collapseSpace: true,
  });
  await expectNoAxeViolations(family);
  await clickAndWait(family, 'main form button');
  await expectText(family, 'main', new RegExp(escape(says('consent.family.withdrawnText'))), {
    collapseSpace: true,
  });

  await social.goto(server.baseUrl + '/sager');
  const caseRow = await textOf(social, `tr:has(a[href="${casePath}"])`);
  assert.doesNotMatch(caseRow, new RegExp(escape(says('caseState.socialWorker.active'))));
  await social.goto(server.baseUrl + casePath);
  const paused = await textOf(social, 'h1 + p');
  assert.match(paused, new RegExp(escape(says('caseState.socialWorker.paused.withdrawal'))));
  assert.doesNotMatch(
    await textOf(social, 'section:has(#next-heading)'),
    new RegExp(escape(says('caseState.next.resume'))),
  );
  for (const [page, audience] of [
    [volunteer, 'volunteer'],
    [coordinator, 'coordinator'],
  ] as const) {
    await page.goto(server.baseUrl + (audience === 'volunteer' ? '/frivillig/forslag' : '/forening/forslag'));
    const seen = await textOf(page);
    assert.match(seen, new RegExp(escape(says(`caseState.${audience}.paused.withdrawal`))));
    assert.doesNotMatch(seen, new RegExp(escape(says('consent.view.notYetAgreed'))));
  }

  // Ending asks for a reason, with nothing chosen for the social worker, and confirms.
  await clickAndWait(social, 'a[href$="/afslut"]');
  await expectCount(social.locator('input[type="radio"]:checked'), 0);
  await expectNoAxeViolations(social);
  await clickAndWait(social, 'main form button[type="submit"]');
  await expectCount(social.locator('.error-summary'), 1);
  await social.check('input[type="radio"][value="family-withdrew"]');
  await clickAndWait(social, 'main form button[type="submit"]');
  await social.goto(server.baseUrl + casePath);
  await expectText(social, 'main', new RegExp(escape(says('caseState.socialWorker.closed'))), {
    collapseSpace: true,
  });
  for (const [page, path, audience] of [
    [volunteer, '/frivillig/forslag', 'volunteer'],
    [coordinator, '/forening/forslag', 'coordinator'],
  ] as const) {
    await page.goto(server.baseUrl + path);
    await expectText(page, 'main', new RegExp(escape(says(`caseState.${audience}.closed`))), {
      collapseSpace: true,
    });
  }
}

/** A catalog text as a regular expression's literal. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('journey: one child’s case from request to closure, as the social worker, the coordinator, the volunteer and the family see it (axe)', function () {
  this.timeout(240_000);
  useTestDatabase();
  const session = useBrowserSession();

  for (const language of ['da', 'en'] as const) {
    it(`when the case is worked from a new request to its end in ${language === 'da' ? 'Danish' : 'English'}, then every step shows one state and one next action to each audience`, async () => {
      await caseJourney(session, language);
    });
  }
});
