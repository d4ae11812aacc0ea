import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import type { Express } from 'express';
import supertest from 'supertest';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import {
  createUser,
  csrfFrom,
  loginAs,
  submitForm,
  type Agent,
  type TestUser,
} from '../../helpers/accounts.js';
import {
  consentPage,
  createConsentedMatch,
  familyLinkFrom,
  recordConsentThroughForm,
  storeConsent,
} from '../../helpers/consent.js';
import { latestMailTo } from '../../helpers/mail.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { pageAs } from '../../helpers/people.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/** The "next step" section of the case page: its text only, so a test reads what the person reads. */
function nextStep(html: string): string {
  const found = /<section aria-labelledby="next-heading"[\s\S]*?<\/section>/.exec(html);
  assert.ok(found, 'the case page has a next-step section');
  return found[0];
}

const statusLine = (html: string) => /<h1>[\s\S]*?<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

describe('case state: the case page shows one true state and its one next step', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let clubId: string;
  let bo: TestUser;
  let requestId: string;

  beforeEach(async () => {
    await importMunicipalities();
    // Eligibility itself is tested in match-safety.test.ts; here every candidate passes.
    app = buildTestApp({ provisions: [everyoneEligible] });
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
    clubId = await createOrganisation({ name: 'Nordstrand IF' });
    bo = await createUser({ name: 'Bo Frivillig' });
    await addMember(clubId, bo.id);
    requestId = await createRequest(sara.id);
  });

  const casePage = async () => (await worker.get(`/sager/${requestId}`)).text;
  const matchOf = (state: Parameters<typeof createMatch>[0]['state']) =>
    createMatch({ requestId, organisationId: clubId, volunteerId: bo.id, proposedBy: sara.id, state });
  async function consented(state: Parameters<typeof createMatch>[0]['state'], custody?: 'joint') {
    if (!custody)
      return createConsentedMatch({
        requestId,
        organisationId: clubId,
        volunteerId: bo.id,
        workerId: sara.id,
        state,
      });
    const matchId = await matchOf(state);
    const consentId = await storeConsent({
      requestId,
      matchId,
      organisationId: clubId,
      volunteerId: bo.id,
      recordedBy: sara.id,
      validUntil: new Date(Date.now() + 365 * 86_400_000),
      custody,
      consentId: randomUUID(),
    });
    return { matchId, consentId };
  }

  it('when nobody was proposed yet, then the case is new and the next step is finding an adult', async () => {
    const html = await casePage();
    assert.match(statusLine(html), /Ny: ingen voksen er foreslået endnu/);
    assert.match(
      nextStep(html),
      new RegExp(`<a class="button" href="/sager/${requestId}/kandidater">Find en voksen</a>`),
    );
  });

  it('when a proposal waits for answers, then nothing is asked of the worker, and withdrawing it is a separate, confirmed step', async () => {
    await matchOf('proposed');
    const html = await casePage();
    assert.match(statusLine(html), /Foreslået: venter på svar/);
    assert.match(nextStep(html), /Du behøver ikke gøre noget nu/);
    assert.doesNotMatch(nextStep(html), /class="button"/);
    assert.match(html, /Træk forslaget tilbage/);
    // No one-click ending: the case page holds no form that ends the match.
    assert.doesNotMatch(html, /match\/[0-9a-f]{24}\/luk/);
  });

  it('when both sides accepted and nothing is recorded, then it waits for consent, names what is missing, and links to where it is recorded', async () => {
    const matchId = await matchOf('awaiting-consent');
    const next = nextStep(await casePage());
    assert.match(next, /Der mangler samtykke fra en forælder/);
    assert.match(
      next,
      new RegExp(
        `<a class="button" href="${consentPage(requestId, matchId)}">Registrér familiens samtykke</a>`,
      ),
    );
    assert.doesNotMatch(next, /Start forløbet/);
  });

  it('when consent is complete, then the case says ready to start (never "waiting") and Start is its primary button, which starts the match', async () => {
    const { matchId } = await consented('awaiting-consent');
    const html = await casePage();
    assert.match(statusLine(html), /Samtykket er på plads: klar til at starte/);
    assert.doesNotMatch(html, /Venter på familiens samtykke/);
    const next = nextStep(html);
    assert.match(next, new RegExp(`action="/sager/${requestId}/match/${matchId}/aktiver"`));
    assert.match(next, /<button class="button" type="submit">Start forløbet<\/button>/);

    // Home says the same: ready to start, never "waiting for consent".
    const home = (await worker.get('/overblik')).text;
    assert.match(home, new RegExp(`href="/sager/${requestId}"[^>]*>[\\s\\S]*?forløb er klar til at starte`));
    assert.doesNotMatch(home, /venter på samtykke/);

    const started = await submitForm(
      worker,
      `/sager/${requestId}`,
      `/sager/${requestId}/match/${matchId}/aktiver`,
    );
    assert.equal(started.status, 303);
    const after = await casePage();
    assert.match(statusLine(after), /Har en voksen: forløbet er i gang/);
    assert.match(
      nextStep(after),
      new RegExp(`<a class="button" href="/opfoelgning/forloeb/${matchId}">Se opfølgningsplanen</a>`),
    );
    // The plan lists every planned date a year ahead, not only the next one stored, and leads back.
    const plan = (await worker.get(`/opfoelgning/forloeb/${matchId}`)).text;
    assert.match(plan, /Har en voksen: forløbet er i gang/);
    assert.ok((plan.match(/Planlagt/g) ?? []).length >= 10, 'a year of planned dates');
    assert.match(plan, new RegExp(`href="/sager/${requestId}"`));
  });

  it('when the family withdraws on a running match, then it is paused (withdrawal), not "has an adult", and Resume is offered only once consent is complete again', async () => {
    const { matchId, consentId } = await consented('active', 'joint');
    await recordConsentThroughForm(worker, requestId, matchId, { custody: 'joint', initials: 'CD' });
    const withdrawn = await submitForm(
      worker,
      consentPage(requestId, matchId),
      `${consentPage(requestId, matchId)}/${consentId}/tilbagekald`,
      { how: 'phone' },
    );
    assert.equal(withdrawn.status, 303);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');

    const html = await casePage();
    assert.match(statusLine(html), /På pause: familien har trukket samtykket tilbage/);
    assert.doesNotMatch(html, /Har en voksen/);
    assert.doesNotMatch(html, /endnu ikke givet samtykke/);
    const next = nextStep(html);
    assert.doesNotMatch(next, /Genoptag/);
    assert.match(next, /Forløbet kan først genoptages, når samtykket er på plads igen/);
    assert.match(next, /Der mangler samtykke fra den anden forælder/);
    assert.match(next, new RegExp(`href="${consentPage(requestId, matchId)}"`));

    await recordConsentThroughForm(worker, requestId, matchId, { custody: 'joint', initials: 'AB' });
    const again = nextStep(await casePage());
    assert.match(again, /<button class="button" type="submit">Genoptag forløbet<\/button>/);
    const resumed = await submitForm(
      worker,
      `/sager/${requestId}`,
      `/sager/${requestId}/match/${matchId}/genoptag`,
    );
    assert.equal(resumed.status, 303);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
  });

  it('when the worker paused a match by hand with consent in force, then Resume is the primary button', async () => {
    const { matchId } = await consented('active');
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/match/${matchId}/pause`);
    const html = await casePage();
    assert.match(statusLine(html), /På pause/);
    assert.match(nextStep(html), new RegExp(`action="/sager/${requestId}/match/${matchId}/genoptag"`));
  });

  describe('ending a match', () => {
    const endPage = (matchId: string) => `/sager/${requestId}/match/${matchId}/afslut`;
    const post = async (matchId: string, fields: Record<string, string>) => {
      const page = await worker.get(endPage(matchId));
      return worker
        .post(`/sager/${requestId}/match/${matchId}/luk`)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), ...fields });
    };

    it('when the worker ends a running match, then a confirm page asks why with nothing chosen, refuses no reason with a field message, and ends it with one', async () => {
      const { matchId } = await consented('active');
      assert.match(
        await casePage(),
        new RegExp(`<a class="button button--secondary" href="${endPage(matchId)}">Afslut forløbet`),
      );
      const page = await worker.get(endPage(matchId));
      assert.equal(page.status, 200);
      assert.match(page.text, /Målet er nået/);
      assert.doesNotMatch(page.text, /checked/);
      assert.doesNotMatch(page.text, /Familien sagde nej/);

      const missing = await post(matchId, {});
      assert.equal(missing.status, 400);
      assert.match(missing.text, /class="error-summary"/);
      assert.match(missing.text, /<a href="#closeReason">Vælg en årsag.<\/a>/);
      assert.match(missing.text, /id="closeReason-error"/);
      assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');

      const ended = await post(matchId, { closeReason: 'goal-reached', note: 'Godt forløb' });
      assert.equal(ended.status, 303);
      const closed = await MatchModel.findById(matchId).lean();
      assert.equal(closed?.state, 'closed');
      assert.equal(closed?.closeReason, 'goal-reached');
      const html = await casePage();
      assert.match(html, /Afsluttet · Målet er nået/);
      assert.match(html, /Find en ny voksen/);
    });

    it('when the worker withdraws a proposal, then it has its own reasons, and a close reason is refused for it', async () => {
      const matchId = await matchOf('proposed');
      const page = await worker.get(endPage(matchId));
      assert.match(page.text, /Træk forslaget til E\. tilbage/);
      for (const reason of [
        'Familien sagde nej',
        'Barnet har fået anden hjælp',
        'Barnets behov har ændret sig',
        'Andet',
      ])
        assert.match(page.text, new RegExp(reason));
      assert.doesNotMatch(page.text, /Målet er nået/);
      assert.doesNotMatch(page.text, /checked/);

      const wrong = await post(matchId, { closeReason: 'goal-reached' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.text, /Vælg en årsag/);
      assert.equal((await MatchModel.findById(matchId).lean())?.state, 'proposed');

      assert.equal((await post(matchId, { closeReason: 'found-other-help' })).status, 303);
      const closed = await MatchModel.findById(matchId).lean();
      assert.equal(closed?.state, 'closed');
      assert.equal(closed?.closeReason, 'found-other-help');
      assert.match(await casePage(), /Afsluttet · Barnet har fået anden hjælp/);
    });

    it('when a colleague (not responsible) opens the confirm page, then they are sent back with a message and nothing ends', async () => {
      const matchId = await matchOf('proposed');
      const colleague = await loginAs(app, await createSocialWorker('0849', 'Kollega Kim'));
      const response = await colleague.get(endPage(matchId));
      assert.equal(response.status, 303);
      assert.equal(response.headers.location, `/sager/${requestId}`);
      assert.equal((await MatchModel.findById(matchId).lean())?.state, 'proposed');
    });
  });

  it('when a match has run, then the case page links its consent, its follow-up plan and its history, and those link back', async () => {
    const { matchId } = await consented('active');
    const html = await casePage();
    assert.match(html, new RegExp(`href="${consentPage(requestId, matchId)}"`));
    assert.match(html, new RegExp(`href="/opfoelgning/forloeb/${matchId}"`));
    assert.match(html, new RegExp(`href="#history-${matchId}"`));
    assert.match(html, new RegExp(`id="history-${matchId}"`));
    assert.match(html, new RegExp(`href="/sager/${requestId}/kandidater"`));
    const consent = (await worker.get(consentPage(requestId, matchId))).text;
    assert.match(consent, new RegExp(`href="/sager/${requestId}"`));
    const plan = await worker.get(`/opfoelgning/forloeb/${matchId}`);
    assert.equal(plan.status, 200);
    assert.match(plan.text, new RegExp(`href="/sager/${requestId}"`));
    assert.match(plan.text, new RegExp(`href="${consentPage(requestId, matchId)}"`));
  });

  it('when the family withdraws before the start, then every audience reads "withdrawn" and the state it is in, never "not yet given" or "paused"', async () => {
    const karin = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: clubId }],
    });
    const matchId = await matchOf('awaiting-consent');
    const receipt = await recordConsentThroughForm(worker, requestId, matchId);
    const link = familyLinkFrom(receipt.text);
    const family = supertest.agent(app);
    const before = await family.get(link);
    assert.match(before.text, /Jeres samtykke er på plads: forløbet kan starte/);
    const csrf = csrfFrom(before.text);
    assert.equal((await family.post(link).type('form').send({ _csrf: csrf })).status, 200);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');

    const volunteerPage = (await pageAs(app, bo, '/frivillig/forslag')).text;
    assert.match(
      volunteerPage,
      /Du har sagt ja: kommunen indhenter familiens samtykke · Familien har trukket samtykket tilbage/,
    );
    const coordinatorPage = (await pageAs(app, karin, '/forening/forslag')).text;
    assert.match(
      coordinatorPage,
      /kommunen indhenter familiens samtykke · Familien har trukket samtykket tilbage/,
    );
    for (const page of [volunteerPage, coordinatorPage])
      assert.doesNotMatch(page, /endnu ikke givet samtykke/);

    const checklist = (await worker.get(consentPage(requestId, matchId))).text;
    assert.match(checklist, /Venter på familiens samtykke · Samtykket er trukket tilbage/);
    assert.match(statusLine(await casePage()), /Venter på familiens samtykke · Samtykket er trukket tilbage/);
    const mail = await latestMailTo(sara.email);
    assert.equal(mail?.template, 'consent-withdrawn');
    assert.match(mail?.text ?? '', /Status nu: Venter på familiens samtykke/);
    assert.doesNotMatch(mail?.text ?? '', /sat på pause/);
  });
});
