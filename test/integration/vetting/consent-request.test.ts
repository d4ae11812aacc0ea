import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { putVettingFacts, type VettingFacts } from '../../../src/components/vetting/index.js';
import { addDays, addMonths } from '../../../src/components/vetting/vetting-rules.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { latestMailTo, pathOf } from '../../helpers/mail.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, postRaw } from '../../helpers/vetting.js';

/** A complete vetting whose certificate runs out `daysLeft` from now (renewal due 60 days before). */
function vettedUntil(daysLeft: number, by: string): VettingFacts {
  const now = new Date();
  const validUntil = addDays(now, daysLeft);
  const outcomeAt = addMonths(validUntil, -24);
  return {
    childCertificate: {
      consentGivenAt: addDays(outcomeAt, -12),
      orderedAt: addDays(outcomeAt, -11),
      orderedBy: by,
      outcome: 'clear',
      outcomeAt,
      outcomeBy: by,
      validUntil,
      renewalDueAt: addDays(validUntil, -60),
    },
    interview: {
      heldOn: addDays(outcomeAt, -5),
      interviewer: 'Karin',
      outcome: 'suitable',
      recordedBy: by,
      recordedAt: outcomeAt,
    },
    references: [1, 2].map((slot) => ({ slot, checked: true, checkedBy: by, checkedAt: outcomeAt })),
    training: { hours: 10, completedOn: outcomeAt, recordedBy: by, recordedAt: outcomeAt },
  };
}

describe('vetting: the coordinator asks a member for the renewal consent instead of an order that would fail', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let organisationId: string;
  let coordinator: Agent;
  let coordinatorId: string;
  let member: TestUser;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    app = buildTestApp();
    organisationId = await createOrganisation({ name: 'Klitby Gymnastik' });
    const user = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    coordinatorId = user.id;
    coordinator = await loginAs(app, user);
    member = await createMember(organisationId, await createUser({ name: 'Bent Fornyer' }));
  });

  const page = () => `/forening/godkendelse/${member.id}`;
  const ask = () => postRaw(coordinator, page(), `${page()}/bed-om-samtykke`);

  it('when the renewal is due and no consent is given, then the page offers to ask (not to order), and asking mails the volunteer once a day', async () => {
    await putVettingFacts(organisationId, member.id, vettedUntil(30, coordinatorId));
    const before = await coordinator.get(page());
    assert.doesNotMatch(before.text, /Registrér som bestilt/);
    assert.match(before.text, /action="\/forening\/godkendelse\/[0-9a-f]{24}\/bed-om-samtykke"/);
    assert.match(before.text, /Bed om samtykke/);

    const asked = await ask();
    assert.equal(asked.status, 303);
    const after = await coordinator.get(asked.headers.location as string);
    assert.match(after.text, /Den frivillige har fået en e-mail/);
    assert.match(after.text, /Du bad om samtykke \d+\. \p{L}+ \d{4}\./u);
    const mail = await latestMailTo(member.email);
    assert.equal(mail?.template, 'vetting-consent-request');
    assert.match(mail!.subject, /Klitby Gymnastik beder om dit samtykke/);
    assert.equal(pathOf(mail!.link!), '/frivillig/godkendelse');
    const audit = await AuditEventModel.findOne({ action: 'vetting.consent-requested' }).lean();
    assert.equal(audit?.objectId, member.id);

    const again = await ask();
    assert.equal(again.status, 303);
    assert.match((await coordinator.get(page())).text, /allerede bedt om samtykke i dag/);
    assert.equal(await OutboxMessageModel.countDocuments({ to: member.email }), 1);
  });

  it('when asked, then the volunteer sees the request and a step left on the home; once they consent, the coordinator may order', async () => {
    await putVettingFacts(organisationId, member.id, vettedUntil(30, coordinatorId));
    const volunteer = await loginAs(app, member);
    const home = await volunteer.get('/overblik');
    assert.match(
      home.text,
      /class="home-item home-item--attention home-item--due">\s*<a href="\/frivillig\/godkendelse"><span class="home-item__count">1<\/span> <span class="home-item__label">trin mangler i din godkendelse/,
    );
    await ask();
    const vetting = await volunteer.get('/frivillig/godkendelse');
    assert.match(vetting.text, /Klitby Gymnastik bad dig om samtykke \d+\. \p{L}+ \d{4}\./u);
    assert.match(vetting.text, /Giv samtykke til en ny børneattest/);

    const given = await postRaw(
      volunteer,
      '/frivillig/godkendelse',
      `/frivillig/godkendelse/${organisationId}/samtykke`,
    );
    assert.equal(given.status, 303);
    const after = await volunteer.get('/frivillig/godkendelse');
    assert.doesNotMatch(after.text, /bad dig om samtykke/);
    assert.doesNotMatch(
      (await volunteer.get('/overblik')).text,
      /home-item--attention[^>]*>\s*<a href="\/frivillig\/godkendelse"/,
    );
    const coordinatorPage = await coordinator.get(page());
    assert.match(coordinatorPage.text, /Registrér som bestilt/);
    assert.doesNotMatch(coordinatorPage.text, /Bed om samtykke/);
  });

  it('when the renewal is not due yet, then neither an order nor a request is offered, and a forced request changes nothing', async () => {
    await putVettingFacts(organisationId, member.id, vettedUntil(300, coordinatorId));
    const shown = await coordinator.get(page());
    assert.doesNotMatch(shown.text, /Registrér som bestilt|Bed om samtykke/);
    assert.match(shown.text, /Fornyelsen kan begynde/);
    const forced = await ask();
    assert.equal(forced.status, 303);
    assert.match((await coordinator.get(page())).text, /kan ikke give samtykke lige nu/);
    assert.equal(await OutboxMessageModel.countDocuments({ to: member.email }), 0);
  });

  it('when a coordinator of another organisation asks, then it is 404 and nothing is sent', async () => {
    const other = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId: await createOrganisation() }] }),
    );
    const refused = await postRaw(other, '/forening/godkendelse', `${page()}/bed-om-samtykke`);
    assert.equal(refused.status, 404);
    assert.equal(await OutboxMessageModel.countDocuments({ to: member.email }), 0);
  });
});
