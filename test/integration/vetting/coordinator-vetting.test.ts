import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { MunicipalityModel } from '../../../src/components/municipalities/municipality-model.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { isVetted, putVettingFacts } from '../../../src/components/vetting/index.js';
import { VettingRecordModel } from '../../../src/components/vetting/vetting-model.js';
import { addDays } from '../../../src/components/vetting/vetting-rules.js';
import { readRecord, saveRecord } from '../../../src/components/vetting/vetting-service.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, type Agent } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, createVettedMember, postRaw } from '../../helpers/vetting.js';

const vettingAudit = {
  event: { action: 'vetting.test', outcome: 'success' as const, objectType: 'vetting-record' },
};

describe('vetting: the coordinator records steps for the own members', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let organisationId: string;
  let coordinator: Agent;
  let coordinatorId: string;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    app = buildTestApp();
    organisationId = await createOrganisation();
    const user = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    coordinatorId = user.id;
    coordinator = await loginAs(app, user);
  });

  const page = (memberId: string) => `/forening/godkendelse/${memberId}`;
  const post = (memberId: string, step: string, body = '') =>
    postRaw(coordinator, page(memberId), `${page(memberId)}/${step}`, body);
  const consented = async (memberId: string) =>
    putVettingFacts(organisationId, memberId, {
      childCertificate: { consentGivenAt: new Date() },
      references: [],
    });

  it('when the overview opens, then each active member shows vetted, missing, expiring and days left; others are absent', async () => {
    await createVettedMember(organisationId, { user: await createUser({ name: 'Anna Vettet' }) });
    await createVettedMember(organisationId, {
      state: 'expiring',
      user: await createUser({ name: 'Bent Udløber' }),
    });
    await createVettedMember(organisationId, {
      state: 'ordered-waiting',
      user: await createUser({ name: 'Carl Venter' }),
    });
    await createVettedMember(organisationId, {
      state: 'missing-training',
      user: await createUser({ name: 'Dorte Kursus' }),
    });
    await createUser({ name: 'Erik Udenfor' });
    await createVettedMember(await createOrganisation(), {
      user: await createUser({ name: 'Frida Andetsteds' }),
    });

    const response = await coordinator.get('/forening/godkendelse');
    assert.equal(response.status, 200);
    assert.match(response.text, /Godkendt: 2\. Mangler noget: 2\. Udløber inden for 60 dage: 1\./);
    for (const name of ['Anna Vettet', 'Bent Udløber', 'Carl Venter', 'Dorte Kursus'])
      assert.match(response.text, new RegExp(name));
    assert.doesNotMatch(response.text, /Erik Udenfor|Frida Andetsteds/);
    assert.match(response.text, /5 dage tilbage til samtykke/);
    assert.match(response.text, /Forberedende kursus/);
  });

  it('when "ordered" is recorded without a current consent, then it is refused; with one, it is stored and audited', async () => {
    const member = await createMember(organisationId);
    const refused = await post(member.id, 'bestilt');
    assert.equal(refused.status, 400);
    assert.match(refused.text, /ikke givet samtykke/);
    await consented(member.id);
    const done = await post(member.id, 'bestilt');
    assert.equal(done.status, 303);
    const record = await readRecord(organisationId, member.id);
    assert.ok(record?.facts.childCertificate?.orderedAt);
    assert.equal(record?.facts.childCertificate?.orderedBy, coordinatorId);
    assert.ok(await AuditEventModel.findOne({ action: 'vetting.certificate-ordered', objectId: member.id }));
    const shown = await coordinator.get(page(member.id));
    assert.match(shown.text, /14 dage tilbage til samtykke/);
    assert.equal((await post(member.id, 'bestilt')).status, 400, 'a second order while one is pending');
  });

  it('when "lapsed" is recorded inside the 14 days, then it is refused; after them it is accepted', async () => {
    const member = await createMember(organisationId);
    await putVettingFacts(organisationId, member.id, {
      childCertificate: {
        consentGivenAt: addDays(new Date(), -6),
        orderedAt: addDays(new Date(), -5),
        orderedBy: coordinatorId,
      },
      references: [],
    });
    const early = await post(member.id, 'udfald', 'outcome=lapsed');
    assert.equal(early.status, 400);
    assert.match(early.text, /id="outcome-error"/);
    await VettingRecordModel.updateOne(
      { userId: member.id },
      { $set: { 'childCertificate.orderedAt': addDays(new Date(), -15) } },
    );
    assert.equal((await post(member.id, 'udfald', 'outcome=lapsed')).status, 303);
    assert.equal((await readRecord(organisationId, member.id))?.facts.childCertificate?.outcome, 'lapsed');
  });

  it('when the outcome is clear, then validity is the shortest municipality setting, shortened by the organisation', async () => {
    await onboardMunicipality('0101');
    await MunicipalityModel.updateOne({ code: '0849' }, { $set: { 'settings.vettingValidityMonths': 18 } });
    await MunicipalityModel.updateOne({ code: '0101' }, { $set: { 'settings.vettingValidityMonths': 12 } });
    const twoPlaces = await upsertOrganisation({
      name: 'To Kommuners IF',
      kind: 'association',
      description: 'Arbejder i to kommuner.',
      postcode: '9490',
      municipalityCodes: ['0849', '0101'],
      status: 'approved',
    });
    const agent = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId: twoPlaces }] }),
    );
    const clear = async () => {
      const member = await createMember(twoPlaces);
      await putVettingFacts(twoPlaces, member.id, {
        childCertificate: { consentGivenAt: addDays(new Date(), -2), orderedAt: addDays(new Date(), -1) },
        references: [],
      });
      const response = await postRaw(agent, page(member.id), `${page(member.id)}/udfald`, 'outcome=clear');
      assert.equal(response.status, 303);
      const until = (await readRecord(twoPlaces, member.id))!.facts.childCertificate!.validUntil!;
      return Math.round((until.getTime() - Date.now()) / (30.44 * 24 * 3600 * 1000));
    };
    assert.equal(await clear(), 12);

    const tooLong = await postRaw(
      agent,
      '/forening/godkendelse',
      '/forening/godkendelse/gyldighed',
      'validityMonths=13',
    );
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.text, /kun gøre gyldigheden kortere/);
    const shorter = await postRaw(
      agent,
      '/forening/godkendelse',
      '/forening/godkendelse/gyldighed',
      'validityMonths=6',
    );
    assert.equal(shorter.status, 303);
    assert.equal(await clear(), 6);
    assert.ok(await AuditEventModel.findOne({ action: 'vetting.validity-changed', objectId: twoPlaces }));

    await postRaw(agent, '/forening/godkendelse', '/forening/godkendelse/gyldighed', 'validityMonths=');
    assert.equal(await clear(), 12);
  });

  it('when a form is wrong, then each field says what is wrong and what was typed stays', async () => {
    const member = await createMember(organisationId);
    const response = await post(
      member.id,
      'samtale',
      'heldOn=2099-01-01&interviewer=Kim+Hansen&note=Fin+fyr+010190-1234',
    );
    assert.equal(response.status, 400);
    for (const field of ['heldOn', 'interviewOutcome', 'note'])
      assert.match(response.text, new RegExp(`id="${field}-error"`), field);
    assert.match(response.text, /value="Kim Hansen"/);
    assert.match(response.text, /Skriv ikke et CPR-nummer her/);
    const training = await post(member.id, 'kursus', 'hours=mange&completedOn=');
    assert.equal(training.status, 400);
    assert.match(training.text, /id="hours-error"/);
    assert.match(training.text, /value="mange"/);
  });

  it('when the page is in English, then the same field messages are in English', async () => {
    const member = await createMember(organisationId);
    const form = await coordinator.get(page(member.id)).set('Accept-Language', 'en');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const response = await coordinator
      .post(`${page(member.id)}/reference`)
      .set('Accept-Language', 'en')
      .type('form')
      .send({ _csrf: token, slot: '2' });
    assert.equal(response.status, 400);
    assert.match(response.text, /Choose yes or no/);
    assert.match(response.text, /href="#checked"/);
    assert.match(response.text, /id="checked" name="checked" value="yes"/);
  });

  it('when every step is recorded through the forms, then the member is vetted through the validity and not beyond', async () => {
    const member = await createMember(organisationId);
    await consented(member.id);
    assert.equal((await post(member.id, 'bestilt')).status, 303);
    assert.equal((await post(member.id, 'udfald', 'outcome=clear')).status, 303);
    assert.equal(
      (
        await post(
          member.id,
          'samtale',
          'heldOn=2026-01-05&interviewer=Kim&interviewOutcome=suitable&note=Rolig',
        )
      ).status,
      303,
    );
    assert.equal((await post(member.id, 'reference', 'slot=1&checked=yes')).status, 303);
    assert.equal(await isVetted(member.id, organisationId, new Date()), false);
    assert.equal((await post(member.id, 'reference', 'slot=2&checked=yes')).status, 303);
    assert.equal((await post(member.id, 'kursus', 'hours=1,5&completedOn=2026-01-06')).status, 303);
    assert.equal(
      await isVetted(member.id, organisationId, new Date()),
      false,
      '1.5 hours is below the minimum of 2',
    );
    assert.equal((await post(member.id, 'kursus', 'hours=2&completedOn=2026-01-06')).status, 303);
    assert.equal(await isVetted(member.id, organisationId, addDays(new Date(), 365)), true);
    assert.equal(await isVetted(member.id, organisationId, addDays(new Date(), 800)), false);
    const shown = await coordinator.get(page(member.id));
    assert.match(shown.text, /Rolig/);
    assert.equal((await coordinator.get('/forening/godkendelse')).text.includes('Godkendt: 1.'), true);
  });

  it('when two coordinators record at once, then one gets "changed meanwhile" and no step is lost', async () => {
    const member = await createMember(organisationId);
    await post(member.id, 'reference', 'slot=1&checked=yes');
    const staleRead = await readRecord(organisationId, member.id);
    assert.equal((await post(member.id, 'kursus', 'hours=3&completedOn=2026-01-06')).status, 303);
    await assert.rejects(
      saveRecord(
        organisationId,
        member.id,
        staleRead,
        {
          ...staleRead!.facts,
          interview: {
            heldOn: new Date(),
            interviewer: 'X',
            outcome: 'suitable',
            recordedBy: 'x',
            recordedAt: new Date(),
          },
        },
        vettingAudit,
      ),
      (error: { code?: string }) => error.code === 'CONFLICT',
    );
    const record = await readRecord(organisationId, member.id);
    assert.equal(record?.facts.training?.hours, 3);
    assert.equal(record?.facts.interview, undefined);
  });
});
