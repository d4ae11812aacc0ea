import assert from 'node:assert/strict';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { csrfFrom, submitForm, TEST_PASSWORD } from '../../helpers/accounts.js';
import { latestMailTo, pathOf } from '../../helpers/mail.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('volunteer sign-up and e-mail verification', () => {
  useTestDatabase();

  it('when someone signs up, then an unverified volunteer account exists and a verification mail is queued', async () => {
    const agent = request.agent(buildTestApp());
    const response = await submitForm(agent, '/tilmeld', '/tilmeld', {
      name: 'Lærke Ørsted',
      email: 'Laerke@Example.DK ',
      password: TEST_PASSWORD,
    });
    assert.equal(response.status, 200);
    assert.match(response.text, /Tjek din e-mail/);
    const user = await UserModel.findOne({ email: 'laerke@example.dk' }).lean();
    assert.equal(user?.status, 'unverified');
    assert.deepEqual(
      user?.roles.map((grant) => grant.role),
      ['volunteer'],
    );
    assert.ok(user?.passwordHash.startsWith('$argon2id$'), 'only an argon2id hash is stored');
    assert.ok(!JSON.stringify(user).includes(TEST_PASSWORD));
    const mail = await latestMailTo('laerke@example.dk');
    assert.equal(mail?.template, 'verify-email');
    assert.match(mail?.link ?? '', /^http:\/\/localhost:3000\/bekraeft-email\/[A-Za-z0-9_-]{43}$/);
  });

  it('when the verification link is followed and confirmed, then the account can log in', async () => {
    const app = buildTestApp();
    const agent = request.agent(app);
    await submitForm(agent, '/tilmeld', '/tilmeld', {
      name: 'Bo Berg',
      email: 'bo@example.dk',
      password: TEST_PASSWORD,
    });
    const link = pathOf((await latestMailTo('bo@example.dk'))!.link!);

    const page = await agent.get(link);
    assert.equal(page.status, 200);
    assert.equal(
      (await UserModel.findOne({ email: 'bo@example.dk' }).lean())?.status,
      'unverified',
      'GET changes nothing',
    );

    const confirmed = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    assert.equal(confirmed.status, 303);
    assert.equal((await UserModel.findOne({ email: 'bo@example.dk' }).lean())?.status, 'active');

    const login = await submitForm(agent, '/log-ind', '/log-ind', {
      email: 'bo@example.dk',
      password: TEST_PASSWORD,
    });
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/overblik');
  });

  it('when a verification link is used twice, then the second time it is refused', async () => {
    const agent = request.agent(buildTestApp());
    await submitForm(agent, '/tilmeld', '/tilmeld', {
      name: 'Eva',
      email: 'eva@example.dk',
      password: TEST_PASSWORD,
    });
    const link = pathOf((await latestMailTo('eva@example.dk'))!.link!);
    await submitForm(agent, link, link, {});
    const again = await submitForm(agent, link, link, {});
    assert.equal(again.status, 303);
    const loginPage = await agent.get('/log-ind');
    assert.match(loginPage.text, /Linket er ugyldigt eller udløbet/);
  });

  it('when an unverified account logs in with the right password, then it is told to verify and can ask again', async () => {
    const agent = request.agent(buildTestApp());
    await submitForm(agent, '/tilmeld', '/tilmeld', {
      name: 'Ulla',
      email: 'ulla@example.dk',
      password: TEST_PASSWORD,
    });
    const login = await submitForm(agent, '/log-ind', '/log-ind', {
      email: 'ulla@example.dk',
      password: TEST_PASSWORD,
    });
    assert.equal(login.status, 401);
    assert.match(login.text, /mangler at bekræfte/);
    assert.match(login.text, /action="\/bekraeft-email-igen"/);
  });

  it('when the form is empty, then it comes back with a message per field and an error summary', async () => {
    const response = await submitForm(request.agent(buildTestApp()), '/tilmeld', '/tilmeld', {
      name: '',
      email: '',
      password: '',
    });
    assert.equal(response.status, 400);
    assert.match(response.text, /class="error-summary" role="alert"/);
    assert.match(response.text, /<a href="#name">Udfyld feltet<\/a>/);
    assert.match(response.text, /<a href="#email">Udfyld feltet<\/a>/);
    assert.match(response.text, /id="password"[^>]*aria-invalid="true"/);
  });

  it('when the password is common, then the form explains why and keeps name and e-mail but not the password', async () => {
    const response = await submitForm(request.agent(buildTestApp()), '/tilmeld', '/tilmeld', {
      name: 'Per Hansen',
      email: 'per@example.dk',
      password: 'password123',
    });
    assert.equal(response.status, 400);
    assert.match(response.text, /for nem at gætte/);
    assert.match(response.text, /value="Per Hansen"/);
    assert.match(response.text, /value="per@example.dk"/);
    assert.doesNotMatch(response.text, /password123/);
    assert.equal(await UserModel.countDocuments(), 0);
  });

  it('when the address already has an account, then the answer is the same and the owner is told by e-mail', async () => {
    const agent = request.agent(buildTestApp());
    await submitForm(agent, '/tilmeld', '/tilmeld', {
      name: 'Ane',
      email: 'ane@example.dk',
      password: TEST_PASSWORD,
    });
    await UserModel.updateOne({ email: 'ane@example.dk' }, { $set: { status: 'active' } });
    const again = await submitForm(agent, '/tilmeld', '/tilmeld', {
      name: 'Someone Else',
      email: 'ane@example.dk',
      password: TEST_PASSWORD,
    });
    assert.equal(again.status, 200);
    assert.match(again.text, /Tjek din e-mail/);
    assert.equal(await UserModel.countDocuments({ email: 'ane@example.dk' }), 1);
    assert.equal((await latestMailTo('ane@example.dk'))?.template, 'account-exists');
  });

  it('when a name is typed with decomposed Danish letters (NFD), then it is stored composed (NFC)', async () => {
    const decomposed = 'Søren Ærø'.normalize('NFD');
    await submitForm(request.agent(buildTestApp()), '/tilmeld', '/tilmeld', {
      name: decomposed,
      email: 'soeren@example.dk',
      password: TEST_PASSWORD,
    });
    const user = await UserModel.findOne({ email: 'soeren@example.dk' }).lean();
    assert.equal(user?.name, 'Søren Ærø'.normalize('NFC'));
  });
});
