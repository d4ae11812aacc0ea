import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs } from '../../helpers/accounts.js';
import { consentPage } from '../../helpers/consent.js';
import { dueCheckIn, followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const denied = () => AuditEventModel.find({ outcome: 'denied' }).lean();

describe('audit log: refused attempts on a case, a consent, a follow-up or an export', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let c: FollowUpCase;

  beforeEach(async () => {
    app = buildTestApp();
    c = await followUpCase('active');
  });

  it("when another municipality's social worker opens a case, then the 404 is one 'denied' entry naming the case", async () => {
    const kim = await createSocialWorker('0101', 'Kim København');
    const agent = await loginAs(app, kim);
    assert.equal((await agent.get(`/sager/${c.requestId}`)).status, 404);
    const entries = await denied();
    assert.equal(entries.length, 1, `denied entries: ${entries.length}`);
    assert.deepEqual(
      {
        actorId: entries[0]!.actorId,
        actorRole: entries[0]!.actorRole,
        municipalityCode: entries[0]!.municipalityCode,
        objectType: entries[0]!.objectType,
        objectId: entries[0]!.objectId,
        action: entries[0]!.action,
      },
      {
        actorId: kim.id,
        actorRole: 'social-worker',
        municipalityCode: '0101',
        objectType: 'child-request',
        objectId: c.requestId,
        action: 'requests:work',
      },
    );
    assert.deepEqual(entries[0]!.details, { method: 'GET', route: '/sager/:requestId' });
    assert.equal(await AuditEventModel.countDocuments({ action: 'request.read' }), 0, 'nothing was read');
  });

  it("when a coordinator opens a match's consent page, then the 404 is one 'denied' entry naming the consent", async () => {
    const agent = await loginAs(app, c.karin);
    assert.equal((await agent.get(consentPage(c.requestId, c.matchId))).status, 404);
    const entries = await denied();
    assert.equal(entries.length, 1, `denied entries: ${entries.length}`);
    assert.equal(entries[0]!.actorId, c.karin.id);
    assert.equal(entries[0]!.actorRole, 'coordinator');
    assert.equal(entries[0]!.organisationId, c.organisationId);
    assert.equal(entries[0]!.objectType, 'consent');
    assert.equal(entries[0]!.objectId, c.matchId);
  });

  it("when a volunteer opens another volunteer's check-in, then the 404 is one 'denied' entry naming the follow-up", async () => {
    await dueCheckIn(0, c.bo);
    const checkIn = (await FollowUpModel.findOne({ volunteerId: c.bo.id }).lean())!;
    const eve = await createUser({});
    const agent = await loginAs(app, eve);
    assert.equal((await agent.get(`/frivillig/opfoelgning/${checkIn._id}`)).status, 404);
    const entries = await denied();
    assert.equal(entries.length, 1, `denied entries: ${entries.length}`);
    assert.equal(entries[0]!.actorId, eve.id);
    assert.equal(entries[0]!.actorRole, 'volunteer');
    assert.equal(entries[0]!.objectType, 'follow-up');
    assert.equal(entries[0]!.objectId, checkIn._id);
  });

  it("when someone without the right exports the municipality's report, then the 404 is one 'denied' entry", async () => {
    const agent = await loginAs(app, c.sara);
    assert.equal((await agent.get('/kommune/rapport/csv?tabel=overview')).status, 404);
    const entries = await denied();
    assert.equal(entries.length, 1, `denied entries: ${entries.length}`);
    assert.equal(entries[0]!.actorId, c.sara.id);
    assert.equal(entries[0]!.objectType, 'report-export');
    assert.equal(entries[0]!.objectId, undefined);
    assert.equal(entries[0]!.action, 'reports:municipality');
  });

  it('when a visitor is anonymous, a path is random or an id has no id shape, then nothing is recorded', async () => {
    const anonymous = request(app);
    assert.equal((await anonymous.get(`/sager/${c.requestId}`)).status, 303, 'sent to log in');
    assert.equal((await anonymous.get('/findes/ikke/123')).status, 404);
    const kim = await loginAs(app, await createSocialWorker('0101'));
    assert.equal((await kim.get('/findes/ikke/123')).status, 404);
    assert.equal((await kim.get('/sager/noget-fritekst-her')).status, 404);
    assert.equal((await kim.get('/frivillig/opfoelgning/hvad-som-helst')).status, 404);
    assert.equal((await denied()).length, 0);
  });

  it('when the social worker of the case opens it, then nothing is denied', async () => {
    const agent = await loginAs(app, c.sara);
    assert.equal((await agent.get(`/sager/${c.requestId}`)).status, 200);
    assert.equal((await denied()).length, 0);
  });
});
