import assert from 'node:assert/strict';
import type { Express } from 'express';
import {
  afterHoursPhoneOf,
  importMunicipalities,
  setAfterHoursPhone,
} from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, submitForm, type Agent } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const NUMBERS = {
  vettingValidityMonths: '24',
  minimumTrainingHours: '2',
  followUpEveryWeeks: '4',
  closedCaseRetentionMonths: '24',
  inactiveVolunteerRetentionMonths: '24',
  auditRetentionYears: '5',
};

const save = (agent: Agent, fields: Record<string, string>) =>
  submitForm(agent, '/kommune/indstillinger', '/kommune/indstillinger', fields);

describe("the municipality's after-hours phone", function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let admin: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    admin = await loginAs(
      app,
      await createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0849' }], totp: true }),
    );
  });

  it('when an administrator saves an after-hours number, then it is stored, shown again and audited', async () => {
    const page = await admin.get('/kommune/indstillinger');
    assert.match(page.text, /<label for="afterHoursPhone">Kommunens vagttelefon uden for åbningstid/);
    const response = await save(admin, { ...NUMBERS, afterHoursPhone: '72 57 77 77' });
    assert.equal(response.status, 303);
    assert.equal(await afterHoursPhoneOf('0849'), '72 57 77 77');
    assert.equal(await afterHoursPhoneOf('0101'), undefined, 'another municipality is untouched');
    assert.match(
      (await admin.get('/kommune/indstillinger')).text,
      /id="afterHoursPhone"[^>]*value="72 57 77 77"/,
    );
    const event = await AuditEventModel.findOne({ action: 'municipality.settings-changed' }).lean();
    assert.deepEqual((event?.details as Record<string, unknown>).afterHoursPhone, {
      from: null,
      to: '72 57 77 77',
    });
  });

  it('when the number has letters, then the form comes back with the message by the field and nothing is saved', async () => {
    const response = await save(admin, { ...NUMBERS, afterHoursPhone: 'ring rådhuset' });
    assert.equal(response.status, 400);
    assert.match(
      response.text,
      /id="afterHoursPhone-error"[^<]*<span[^>]*>[^<]*<\/span> Skriv et telefonnummer med tal/,
    );
    assert.match(response.text, /id="afterHoursPhone"[^>]*value="ring rådhuset"/);
    assert.equal(await afterHoursPhoneOf('0849'), undefined);
  });

  it('when the number is emptied, then it is removed', async () => {
    await save(admin, { ...NUMBERS, afterHoursPhone: '72 57 77 77' });
    assert.equal((await save(admin, { ...NUMBERS, afterHoursPhone: '' })).status, 303);
    assert.equal(await afterHoursPhoneOf('0849'), undefined);
  });

  it('when seeding sets a number, then the settings page shows it', async () => {
    await setAfterHoursPhone('0849', '72 57 77 77');
    assert.match(
      (await admin.get('/kommune/indstillinger')).text,
      /id="afterHoursPhone"[^>]*value="72 57 77 77"/,
    );
  });
});
