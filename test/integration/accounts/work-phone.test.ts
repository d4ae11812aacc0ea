import assert from 'node:assert/strict';
import type { Express } from 'express';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { createUser, loginAs, submitForm } from '../../helpers/accounts.js';
import { createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('the work phone on the account page', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;

  beforeEach(() => {
    app = buildTestApp();
  });

  it('when a social worker saves a work phone, then it is stored and shown on the page again', async () => {
    const sara = await createSocialWorker();
    const agent = await loginAs(app, sara);
    const page = await agent.get('/konto');
    assert.match(page.text, /<label for="phone">Arbejdstelefon \(valgfrit\)<\/label>/);
    const saved = await submitForm(agent, '/konto', '/konto/profil', {
      name: 'Sara Holm',
      phone: '+45 72 57 70 00',
      language: 'da',
    });
    assert.equal(saved.status, 303);
    assert.equal((await UserModel.findById(sara.id).lean())?.phone, '+45 72 57 70 00');
    assert.match((await agent.get('/konto')).text, /id="phone"[^>]*value="\+45 72 57 70 00"/);
  });

  it('when a coordinator types letters as the work phone, then the form comes back with the message by the field', async () => {
    const karin = await createUser({ roles: [{ role: 'coordinator', organisationId: 'a'.repeat(24) }] });
    await UserModel.updateOne({ _id: karin.id }, { $set: { phone: '98 12 34 56' } });
    const agent = await loginAs(app, karin);
    const response = await submitForm(agent, '/konto', '/konto/profil', {
      name: 'Karin',
      phone: 'ring til mig',
      language: 'da',
    });
    assert.equal(response.status, 400);
    assert.match(response.text, /class="error-summary"/);
    assert.match(
      response.text,
      /id="phone-error"[^<]*<span[^>]*>[^<]*<\/span> Skriv et telefonnummer med tal/,
    );
    assert.match(response.text, /id="phone"[^>]*value="ring til mig"/, 'what was typed is kept');
    assert.equal((await UserModel.findById(karin.id).lean())?.phone, '98 12 34 56');
  });

  it('when a volunteer opens the page, then no phone is asked, and saving keeps the phone they had', async () => {
    const bo = await createUser({});
    await UserModel.updateOne({ _id: bo.id }, { $set: { phone: '20 30 40 50' } });
    const agent = await loginAs(app, bo);
    const page = await agent.get('/konto');
    assert.doesNotMatch(page.text, /id="phone"/);
    const saved = await submitForm(agent, '/konto', '/konto/profil', { name: 'Bo', language: 'da' });
    assert.equal(saved.status, 303);
    const stored = await UserModel.findById(bo.id).lean();
    assert.equal(stored?.name, 'Bo');
    assert.equal(stored?.phone, '20 30 40 50');
  });
});
