import assert from 'node:assert/strict';
import request from 'supertest';
import { SessionRecordModel } from '../../../src/shared/session/index.js';
import { createUser, csrfFrom, loginAs } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('when sessions start', () => {
  useTestDatabase();

  it('when a visitor without a cookie reads public pages, then no session is made, stored or sent', async () => {
    const app = buildTestApp();
    for (const path of ['/', '/tilgaengelighed', '/findes-ikke']) {
      const response = await request(app).get(path);
      assert.equal(response.headers['set-cookie'], undefined, path);
    }
    assert.equal(await SessionRecordModel.countDocuments(), 0);
  });

  it('when a visitor opens a form, then a session starts there, and its token works for the post', async () => {
    const app = buildTestApp();
    const agent = request.agent(app);
    const page = await agent.get('/glemt-adgangskode');
    assert.match(String(page.headers['set-cookie']), /^brobygning=/);
    const sent = await agent
      .post('/glemt-adgangskode')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: 'someone@example.dk' });
    assert.equal(sent.status, 200);
  });

  it('when a cookie-less visitor asks for a page that needs login, then it is remembered for after login', async () => {
    const app = buildTestApp();
    const user = await createUser({});
    const agent = request.agent(app);
    const asked = await agent.get('/konto?fra=mail').redirects(0);
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.location, '/log-ind');
    assert.match(String(asked.headers['set-cookie']), /^brobygning=/);
    const form = await agent.get('/log-ind');
    const login = await agent
      .post('/log-ind')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), email: user.email, password: user.password });
    assert.equal(login.headers.location, '/konto?fra=mail');
  });

  it('when a logged-in person reads a public page, then their session is still used', async () => {
    const app = buildTestApp();
    const agent = await loginAs(app, await createUser({ name: 'Lise Læser' }));
    assert.match((await agent.get('/')).text, /Lise Læser/);
  });
});
