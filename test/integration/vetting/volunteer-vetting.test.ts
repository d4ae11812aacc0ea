import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { moveMembership } from '../../../src/components/organisations/index.js';
import { putVettingFacts } from '../../../src/components/vetting/index.js';
import { VettingRecordModel } from '../../../src/components/vetting/vetting-model.js';
import { addDays } from '../../../src/components/vetting/vetting-rules.js';
import { readRecord } from '../../../src/components/vetting/vetting-service.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, createVettedMember, postRaw } from '../../helpers/vetting.js';

const PAGE = '/frivillig/godkendelse';

describe('vetting: the volunteer sees their own and consents', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let organisationId: string;
  let volunteer: TestUser;
  let agent: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    app = buildTestApp();
    organisationId = await createOrganisation({ name: 'Nordstrand Gymnastik' });
    volunteer = await createMember(organisationId);
    agent = await loginAs(app, volunteer);
  });

  const consent = (orgId = organisationId) => postRaw(agent, PAGE, `${PAGE}/${orgId}/samtykke`);
  const withdraw = (orgId = organisationId) => postRaw(agent, PAGE, `${PAGE}/${orgId}/tilbagekald`);

  it('when the page opens, then it lists only organisations where they are an active member, in plain language', async () => {
    const requested = await createOrganisation({ name: 'Ventende Klub' });
    await moveMembership(requested, volunteer.id, 'requested', volunteer.id);
    await createOrganisation({ name: 'Fremmed Forening' });
    const response = await agent.get(PAGE);
    assert.equal(response.status, 200);
    assert.match(response.text, /Nordstrand Gymnastik/);
    assert.doesNotMatch(response.text, /Ventende Klub|Fremmed Forening/);
    assert.match(response.text, /Du er ikke godkendt endnu/);
    assert.match(
      response.text,
      /Foreningen må først bestille din børneattest, når du har givet samtykke her/,
    );
    assert.match(response.text, /Giv samtykke/);
  });

  it('when they consent, then it is time-stamped and audited; a second click changes nothing', async () => {
    const response = await consent();
    assert.equal(response.status, 303);
    const first = (await readRecord(organisationId, volunteer.id))!.facts.childCertificate!.consentGivenAt!;
    assert.ok(Date.now() - first.getTime() < 10_000);
    assert.ok(
      await AuditEventModel.findOne({
        action: 'vetting.consent-given',
        actorId: volunteer.id,
        organisationId,
      }),
    );
    assert.equal((await consent()).status, 303);
    assert.deepEqual(
      (await readRecord(organisationId, volunteer.id))!.facts.childCertificate!.consentGivenAt,
      first,
    );
    assert.match(
      (await agent.get(PAGE)).text,
      /Dit samtykke var allerede registreret|Træk samtykket tilbage/,
    );
  });

  it('when they withdraw before ordering, then the coordinator can no longer order', async () => {
    await consent();
    assert.equal((await withdraw()).status, 303);
    assert.ok(await AuditEventModel.findOne({ action: 'vetting.consent-withdrawn', actorId: volunteer.id }));
    const coordinator = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId }] }),
    );
    const path = `/forening/godkendelse/${volunteer.id}`;
    const refused = await postRaw(coordinator, path, `${path}/bestilt`);
    assert.equal(refused.status, 400);
    assert.match(refused.text, /trukket sit samtykke tilbage/);
  });

  it('when they withdraw after the outcome, then it is recorded but the outcome stands', async () => {
    await createVettedMember(organisationId, { user: volunteer });
    const before = await agent.get(PAGE);
    assert.match(before.text, /gælder den børneattest, foreningen allerede har fået, stadig/);
    assert.doesNotMatch(before.text, /Giv samtykke/);
    assert.equal((await withdraw()).status, 303);
    const certificate = (await readRecord(organisationId, volunteer.id))!.facts.childCertificate!;
    assert.ok(certificate.consentWithdrawnAt);
    assert.equal(certificate.outcome, 'clear');
    assert.match((await agent.get(PAGE)).text, /Du er godkendt/);
  });

  it('when the organisation is not theirs, or the id is garbage, then consent and withdrawal are 404', async () => {
    const foreign = await createOrganisation();
    for (const orgId of [foreign, '0'.repeat(24), 'abc', '%24ne']) {
      assert.equal((await consent(orgId)).status, 404, orgId);
      assert.equal((await withdraw(orgId)).status, 404, orgId);
    }
    assert.equal(await VettingRecordModel.countDocuments(), 0);
  });

  it('when an organisation id is posted as a hidden field, then the form is refused as tampered', async () => {
    const response = await postRaw(
      agent,
      PAGE,
      `${PAGE}/${organisationId}/samtykke`,
      `organisationId=${organisationId}`,
    );
    assert.equal(response.status, 400);
  });

  it('when the coordinator wrote an interview note, then the volunteer does not see it; an order shows a countdown', async () => {
    await putVettingFacts(organisationId, volunteer.id, {
      childCertificate: { consentGivenAt: addDays(new Date(), -4), orderedAt: addDays(new Date(), -3) },
      interview: {
        heldOn: new Date(),
        interviewer: 'Kim',
        outcome: 'suitable',
        note: 'Fortrolig bemærkning',
        recordedBy: volunteer.id,
        recordedAt: new Date(),
      },
      references: [],
    });
    const response = await agent.get(PAGE);
    assert.doesNotMatch(response.text, /Fortrolig bemærkning/);
    assert.match(response.text, /Du har 11 dage tilbage til at godkende i Digital Post/);
  });

  it('when another volunteer looks, then they see only their own memberships', async () => {
    const other = await loginAs(app, await createUser({}));
    const response = await other.get(PAGE);
    assert.equal(response.status, 200);
    assert.doesNotMatch(response.text, /Nordstrand Gymnastik/);
    assert.match(response.text, /ikke aktivt medlem af nogen forening/);
  });
});
