import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { putVettingFacts } from '../../../src/components/vetting/index.js';
import { VettingRecordModel } from '../../../src/components/vetting/vetting-model.js';
import { readRecord } from '../../../src/components/vetting/vetting-service.js';
import { createUser, loginAs, type Agent } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, postRaw } from '../../helpers/vetting.js';

describe('vetting: a coordinator reaches only the own members, only through the forms', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let organisationId: string;
  let coordinator: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    app = buildTestApp();
    organisationId = await createOrganisation();
    const user = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
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

  it('when a coordinator of another organisation, or a non-member id, is used, then every page and action is 404', async () => {
    const member = await createMember(organisationId);
    const stranger = await createUser({});
    const other = await loginAs(
      app,
      await createUser({ roles: [{ role: 'coordinator', organisationId: await createOrganisation() }] }),
    );
    assert.equal((await other.get(page(member.id))).status, 404);
    assert.equal((await coordinator.get(page(stranger.id))).status, 404);
    assert.equal((await coordinator.get(page('not-an-id'))).status, 404);
    for (const step of ['bestilt', 'udfald', 'samtale', 'reference', 'kursus']) {
      const foreign = await postRaw(
        other,
        '/forening/godkendelse',
        `${page(member.id)}/${step}`,
        'outcome=clear',
      );
      assert.equal(foreign.status, 404, step);
      const nonMember = await postRaw(
        coordinator,
        '/forening/godkendelse',
        `${page(stranger.id)}/${step}`,
        '',
      );
      assert.equal(nonMember.status, 404, step);
    }
    assert.equal(await VettingRecordModel.countDocuments(), 0);
  });

  it('when hidden fields like outcomeBy, validUntil, organisationId or cpr are posted, then 400 and nothing is stored', async () => {
    const member = await createMember(organisationId);
    await consented(member.id);
    for (const [step, body] of [
      ['bestilt', 'organisationId=abc'],
      ['bestilt', `userId=${member.id}`],
      ['udfald', 'outcome=clear&outcomeBy=someone'],
      ['udfald', 'outcome=clear&validUntil=2099-01-01'],
      ['kursus', 'hours=2&completedOn=2026-01-01&recordedBy=x'],
      ['samtale', 'heldOn=2026-01-01&interviewer=Kim&interviewOutcome=suitable&cpr=0101901234'],
    ]) {
      assert.equal((await post(member.id, step!, body)).status, 400, `${step} ${body}`);
    }
    const record = await readRecord(organisationId, member.id);
    assert.equal(record?.facts.childCertificate?.orderedAt, undefined);
    assert.equal(record?.facts.training, undefined);
  });

  it('when a step gets operators, prototype keys or duplicate fields, then it is a 400, never a crash', async () => {
    const member = await createMember(organisationId);
    await consented(member.id);
    const payloads = [
      'outcome[$ne]=x',
      '__proto__[polluted]=yes&outcome=clear',
      'outcome=clear&outcome=lapsed',
      'hours=2&hours=3&completedOn=2026-01-01',
      'slot=1&slot=2&checked=yes',
      'heldOn=2026-01-01&interviewer=Kim&interviewer=Bo&interviewOutcome=suitable',
    ];
    for (const step of ['bestilt', 'udfald', 'samtale', 'reference', 'kursus']) {
      for (const body of payloads) {
        const response = await post(member.id, step, body);
        assert.equal(response.status, 400, `${step}: ${body}`);
        assert.doesNotMatch(response.text, /MongoServerError|CastError|node_modules/);
      }
    }
    assert.equal((await readRecord(organisationId, member.id))?.facts.childCertificate?.orderedAt, undefined);
  });
});
