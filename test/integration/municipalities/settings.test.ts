import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities, settingsOf } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, csrfFrom, loginAs, type Agent } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const valid = {
  vettingValidityMonths: '18',
  minimumTrainingHours: '3',
  followUpEveryWeeks: '6',
  closedCaseRetentionMonths: '36',
  inactiveVolunteerRetentionMonths: '12',
  auditRetentionYears: '5',
};

async function save(agent: Agent, fields: Record<string, string>) {
  const page = await agent.get('/kommune/indstillinger');
  return agent
    .post('/kommune/indstillinger')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...fields });
}

describe('municipality settings', () => {
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
  });

  const adminOf = async (municipalityCode: string) =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  it('when nothing has been chosen, then the page shows the defaults (24 months, 2 hours, every 4 weeks)', async () => {
    const page = await (await adminOf('0849')).get('/kommune/indstillinger');
    assert.equal(page.status, 200);
    assert.match(page.text, /Indstillinger for Jammerbugt/);
    assert.match(page.text, /id="vettingValidityMonths"[^>]*value="24"/);
    assert.match(page.text, /id="minimumTrainingHours"[^>]*value="2"/);
    assert.match(page.text, /id="followUpEveryWeeks"[^>]*value="4"/);
  });

  it('when an administrator saves new values, then they apply to their municipality only and are audited', async () => {
    const response = await save(await adminOf('0849'), valid);
    assert.equal(response.status, 303);
    const saved = await settingsOf('0849');
    assert.equal(saved.vettingValidityMonths, 18);
    assert.equal(saved.followUpEveryWeeks, 6);
    assert.equal((await settingsOf('0101')).vettingValidityMonths, 24, 'another municipality is untouched');
    const event = await AuditEventModel.findOne({ action: 'municipality.settings-changed' }).lean();
    assert.equal(event?.municipalityCode, '0849');
    assert.deepEqual((event?.details as Record<string, unknown>).vettingValidityMonths, { from: 24, to: 18 });
  });

  it('when values are missing, not numbers or out of range, then the form comes back with a message per field', async () => {
    const response = await save(await adminOf('0849'), {
      ...valid,
      vettingValidityMonths: '100',
      minimumTrainingHours: 'to',
      followUpEveryWeeks: '',
    });
    assert.equal(response.status, 400);
    assert.match(response.text, /class="error-summary"/);
    assert.match(
      response.text,
      /id="vettingValidityMonths-error"[^<]*<span[^>]*>[^<]*<\/span> Skriv et tal inden for grænserne/,
    );
    assert.match(
      response.text,
      /id="minimumTrainingHours-error"[^<]*<span[^>]*>[^<]*<\/span> Skriv et helt tal/,
    );
    assert.match(response.text, /id="followUpEveryWeeks-error"/);
    assert.match(response.text, /id="minimumTrainingHours"[^>]*value="to"/, 'what was typed is kept');
    assert.equal((await settingsOf('0849')).vettingValidityMonths, 24);
  });

  it('when the form names another municipality, then it is refused and nothing changes anywhere', async () => {
    const response = await save(await adminOf('0101'), { ...valid, municipalityCode: '0849' });
    assert.equal(response.status, 400);
    assert.equal((await settingsOf('0849')).vettingValidityMonths, 24);
    assert.equal((await settingsOf('0101')).vettingValidityMonths, 24);
  });

  it('when a social worker or coordinator asks for the settings, then they do not exist for them', async () => {
    const worker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true }),
    );
    assert.equal((await worker.get('/kommune/indstillinger')).status, 404);
  });
});
