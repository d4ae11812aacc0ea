import assert from 'node:assert/strict';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, submitForm, type Agent } from '../../helpers/accounts.js';
import {
  configureProvider,
  passThroughProvider,
  startIdentityProvider,
  TEST_CLIENT,
  type TestIdentityProvider,
} from '../../helpers/identity-provider.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const AARHUS = '0751';
const CALLBACK = `${testConfig().publicBaseUrl}/log-ind/kommune/svar`;

describe('staff sign-in through the municipality’s identity provider', () => {
  let idp: TestIdentityProvider;
  before(async () => {
    idp = await startIdentityProvider({ redirectUris: [CALLBACK] });
  });
  after(() => idp.close());
  useTestDatabase();
  beforeEach(async () => {
    idp.clockOffsetSeconds = 0;
    idp.resume();
    idp.accounts.clear();
    idp.accounts.set('anna', {
      email: 'Anna.Berg@Aarhus.dk',
      name: 'Anna Berg',
      groups: ['brobygning-sagsbehandlere', 'alle-ansatte'],
    });
    idp.nextLogin = { accountId: 'anna', acr: 'substantial' };
    await configureProvider(idp.issuer);
  });

  /** The button's journey: the app sends the browser to the provider, which sends it back. */
  async function signIn(agent: Agent, tamper?: (url: URL) => void) {
    const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
    assert.equal(start.status, 303, start.text);
    const url = new URL(start.headers.location!);
    assert.equal(url.origin, idp.issuer);
    tamper?.(url);
    return agent.get(await passThroughProvider(url.href));
  }

  const staffAccount = () => UserModel.findOne({ email: 'anna.berg@aarhus.dk' }).lean();
  const failureReasons = async () =>
    (await AuditEventModel.find({ action: 'login', 'details.via': 'identity-provider' }).lean())
      .filter((event) => event.outcome !== 'success')
      .map((event) => (event.details as { reason?: string }).reason);

  it('when a person signs in the first time, then an account is created with the role their group grants, in that municipality only', async () => {
    const agent = request.agent(buildTestApp());
    const back = await signIn(agent);
    assert.equal(back.status, 303, back.text);
    assert.equal(
      back.headers.location,
      '/overblik',
      'the provider’s substantial assurance counts as the second factor',
    );
    const user = await staffAccount();
    assert.ok(user, 'the account exists, found by the e-mail in lower case');
    assert.equal(user.name, 'Anna Berg');
    assert.deepEqual(
      user.roles.map((grant) => [grant.role, grant.municipalityCode, grant.active]),
      [['social-worker', AARHUS, true]],
    );
    assert.equal((await agent.get('/overblik')).status, 200);
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'account.created', objectId: String(user._id) }),
      1,
    );
  });

  it('when a group is removed at the provider, then the role goes here at the next sign-in, audited, and the person’s other sessions end', async () => {
    idp.accounts.get('anna')!.groups = ['brobygning-sagsbehandlere', 'brobygning-ledere'];
    const app = buildTestApp();
    const first = request.agent(app);
    await signIn(first);
    assert.deepEqual((await staffAccount())!.roles.map((grant) => grant.role).sort(), [
      'leader',
      'social-worker',
    ]);
    assert.equal((await first.get('/overblik')).status, 200);

    idp.accounts.get('anna')!.groups = ['brobygning-sagsbehandlere'];
    const second = request.agent(app);
    const back = await signIn(second);
    assert.equal(back.status, 303);
    const user = (await staffAccount())!;
    assert.deepEqual(
      user.roles.map((grant) => grant.role),
      ['social-worker'],
    );
    assert.equal(
      await AuditEventModel.countDocuments({
        action: 'role.revoked',
        objectId: String(user._id),
        'details.role': 'leader',
      }),
      1,
    );
    assert.equal((await first.get('/overblik')).headers.location, '/log-ind', 'the earlier session ended');
    assert.equal((await second.get('/overblik')).status, 200, 'the new one stands');
  });

  it('when a person already has an account (by e-mail, any case), then no second one is made and their other roles stay', async () => {
    const existing = await createUser({ email: 'anna.berg@aarhus.dk', roles: [{ role: 'volunteer' }] });
    const back = await signIn(request.agent(buildTestApp()));
    assert.equal(back.status, 303);
    assert.equal(await UserModel.countDocuments({}), 1);
    const user = (await UserModel.findById(existing.id).lean())!;
    assert.deepEqual(user.roles.map((grant) => grant.role).sort(), ['social-worker', 'volunteer']);
  });

  it('when the provider’s assurance is below the configured level, then the TOTP step stays', async () => {
    idp.nextLogin = { accountId: 'anna', acr: 'low' };
    const agent = request.agent(buildTestApp());
    const back = await signIn(agent);
    assert.equal(back.status, 303);
    assert.equal(back.headers.location, '/konto/totp/opsaet');
    assert.equal((await agent.get('/overblik')).headers.location, '/konto/totp/opsaet');
  });

  it('when the account holds a role in another municipality, then the provider’s assurance does not stand for its second factor', async () => {
    await createUser({
      email: 'anna.berg@aarhus.dk',
      roles: [{ role: 'municipal-admin', municipalityCode: '0101' }],
      totp: true,
    });
    const agent = request.agent(buildTestApp());
    const back = await signIn(agent);
    assert.equal(back.status, 303);
    assert.equal(back.headers.location, '/log-ind/totp');
    assert.equal((await agent.get('/overblik')).headers.location, '/log-ind/totp');
  });

  it('when none of the person’s groups is mapped, then a clear page says so and no account is made', async () => {
    idp.accounts.get('anna')!.groups = ['alle-ansatte'];
    const back = await signIn(request.agent(buildTestApp()));
    assert.equal(back.status, 403);
    assert.match(back.text, /Din kommune har ikke givet dig adgang til Brobygning/);
    assert.equal(await staffAccount(), null);
    assert.deepEqual(await failureReasons(), ['no-access']);
  });

  it('when a person with an account is removed from every mapped group, then their roles here end, audited, with their sessions', async () => {
    const app = buildTestApp();
    const first = request.agent(app);
    await signIn(first);
    assert.equal((await first.get('/overblik')).status, 200);
    await UserModel.updateOne(
      { email: 'anna.berg@aarhus.dk' },
      { $push: { roles: { role: 'volunteer', active: true, grantedAt: new Date() } } },
    );

    idp.accounts.get('anna')!.groups = ['alle-ansatte'];
    const back = await signIn(request.agent(app));
    assert.equal(back.status, 403);
    const user = (await staffAccount())!;
    assert.deepEqual(
      user.roles.filter((grant) => grant.active).map((grant) => grant.role),
      ['volunteer'],
      'roles elsewhere stay',
    );
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'role.revoked', objectId: String(user._id) }),
      1,
    );
    assert.equal((await first.get('/overblik')).headers.location, '/log-ind', 'the earlier session ended');
  });

  it('when the provider vouches for an address outside the municipality’s staff domains, then nobody is signed in', async () => {
    const other = await createUser({ email: 'someone@example.dk', roles: [{ role: 'volunteer' }] });
    idp.accounts.set('anna', { email: 'someone@example.dk', name: 'X', groups: ['brobygning-ledere'] });
    const back = await signIn(request.agent(buildTestApp()));
    assert.equal(back.status, 400);
    const user = (await UserModel.findById(other.id).lean())!;
    assert.deepEqual(
      user.roles.map((grant) => grant.role),
      ['volunteer'],
    );
    assert.deepEqual(await failureReasons(), ['email-outside-domains']);
  });

  it('when the address belongs to a platform administrator, then the municipality’s provider cannot sign them in', async () => {
    const platform = await createUser({ email: 'anna.berg@aarhus.dk', roles: [{ role: 'platform-admin' }] });
    const back = await signIn(request.agent(buildTestApp()));
    assert.equal(back.status, 400);
    assert.match(back.text, /platformsadministrator logger ind med e-mail, adgangskode og engangskode/);
    const user = (await UserModel.findById(platform.id).lean())!;
    assert.deepEqual(
      user.roles.map((grant) => grant.role),
      ['platform-admin'],
    );
  });

  it('when the account was never confirmed by mail, then the provider’s word confirms it', async () => {
    const unconfirmed = await createUser({
      email: 'anna.berg@aarhus.dk',
      status: 'unverified',
      roles: [],
      totp: true,
    });
    const before = (await UserModel.findById(unconfirmed.id).lean())!;
    const back = await signIn(request.agent(buildTestApp()));
    assert.equal(back.status, 303);
    const user = (await UserModel.findById(unconfirmed.id).lean())!;
    assert.equal(user.status, 'active');
    // Whoever signed up with the address may not be its owner: their password and second factor go.
    assert.notEqual(user.passwordHash, before.passwordHash);
    assert.equal(user.totp?.sealedSecret, undefined);
    assert.notEqual(user.sessionEpoch, before.sessionEpoch);
    assert.deepEqual(
      user.roles.map((grant) => grant.role),
      ['social-worker'],
    );
  });

  it('when someone signs up with an address in a staff domain, then it is refused with a pointer to the municipality’s sign-in', async () => {
    const app = buildTestApp();
    const response = await submitForm(request.agent(app), '/tilmeld', '/tilmeld', {
      name: 'Nogen Andre',
      email: 'nyansat@Aarhus.dk',
      password: 'Et-langt-og-godt-kodeord-2026',
    });
    assert.equal(response.status, 400, response.text.slice(0, 300));
    assert.match(response.text, /De logger ind gennem kommunen/);
    assert.equal(await UserModel.countDocuments({ email: 'nyansat@aarhus.dk' }), 0);
  });

  it('the login page offers the municipality, and an address in its staff domain is sent there instead of the password step', async () => {
    const app = buildTestApp();
    const page = await request(app).get('/log-ind');
    assert.match(page.text, /href="\/log-ind\/kommune\/0751">Log ind med Aarhus</);
    const typed = await submitForm(request.agent(app), '/log-ind', '/log-ind', {
      email: 'ANNA.berg@aarhus.dk',
      password: '',
    });
    assert.equal(typed.status, 303);
    assert.equal(typed.headers.location, '/log-ind/kommune/0751/videre');
    const onwards = await request(app).get('/log-ind/kommune/0751/videre');
    assert.equal(onwards.status, 200);
    assert.match(onwards.text, /href="\/log-ind\/kommune\/0751">Fortsæt til log-ind hos Aarhus</);
    const elsewhere = await submitForm(request.agent(app), '/log-ind', '/log-ind', {
      email: 'anna@example.dk',
      password: 'not-the-password-at-all',
    });
    assert.equal(elsewhere.status, 401, 'other addresses keep the password step');
  });

  describe('failures: a clear page, audited, nothing created', () => {
    async function assertRefused(response: request.Response, status: number, reason: string) {
      assert.equal(response.status, status, response.text.slice(0, 500));
      assert.match(response.text, /Log ind gennem kommunen mislykkedes/);
      assert.doesNotMatch(response.text, new RegExp(TEST_CLIENT.secret));
      assert.equal(await staffAccount(), null);
      assert.ok((await failureReasons()).includes(reason), `audited as ${reason}: ${await failureReasons()}`);
    }

    it('when the state that comes back is not the one sent, then 400', async () => {
      const back = await signIn(request.agent(buildTestApp()), (url) =>
        url.searchParams.set('state', 'forged'),
      );
      await assertRefused(back, 400, 'state');
    });

    it('when the provider says the address is not verified, then 400 and no account', async () => {
      idp.accounts.get('anna')!.email_verified = false;
      await assertRefused(await signIn(request.agent(buildTestApp())), 400, 'email-unverified');
    });

    it('when the stored secret cannot be opened, then the error page, audited as an internal failure at the start and at the answer', async () => {
      const corrupt = () =>
        UserModel.db
          .collection('identityproviders')
          .updateOne({ municipalityCode: AARHUS }, { $set: { sealedClientSecret: 'not-a-sealed-secret' } });
      const agent = request.agent(buildTestApp());
      const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
      const back = await passThroughProvider(start.headers.location!);
      await corrupt();
      const answered = await agent.get(back);
      assert.equal(answered.status, 500);
      assert.doesNotMatch(answered.text, new RegExp(TEST_CLIENT.secret));
      assert.equal((await request.agent(buildTestApp()).get(`/log-ind/kommune/${AARHUS}`)).status, 500);
      assert.deepEqual(await failureReasons(), ['internal', 'internal']);
      assert.equal(await staffAccount(), null);
    });

    it('when an answer arrives with no sign-in under way, then 400', async () => {
      const back = await request(buildTestApp()).get('/log-ind/kommune/svar?code=abc&state=def');
      await assertRefused(back, 400, 'state');
    });

    it('when the provider answers with an error instead of a code, then 400', async () => {
      const agent = request.agent(buildTestApp());
      const start = new URL((await agent.get(`/log-ind/kommune/${AARHUS}`)).headers.location!);
      const answer = new URLSearchParams({
        error: 'access_denied',
        state: start.searchParams.get('state')!,
        iss: idp.issuer,
      });
      await assertRefused(await agent.get(`/log-ind/kommune/svar?${answer}`), 400, 'provider-refused');
    });

    it('when the ID token’s nonce is not the one sent, then 400', async () => {
      const back = await signIn(request.agent(buildTestApp()), (url) =>
        url.searchParams.set('nonce', 'another'),
      );
      await assertRefused(back, 400, 'nonce');
    });

    it('when the answer is replayed after a sign-in, then 400', async () => {
      const agent = request.agent(buildTestApp());
      const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
      const back = await passThroughProvider(start.headers.location!);
      assert.equal((await agent.get(back)).status, 303);
      await UserModel.deleteMany({});
      const replay = await request(buildTestApp()).get(back);
      await assertRefused(replay, 400, 'state');
    });

    it('when the provider says the code was already used, then 400', async () => {
      const agent = request.agent(buildTestApp());
      const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
      const back = await passThroughProvider(start.headers.location!);
      idp.consumeCodes();
      await assertRefused(await agent.get(back), 400, 'code-refused');
    });

    it('when the code has expired, then 400', async () => {
      const agent = request.agent(buildTestApp());
      const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
      const back = await passThroughProvider(start.headers.location!);
      idp.expireCodes();
      await assertRefused(await agent.get(back), 400, 'code-refused');
    });

    it('when the provider’s clock is ten minutes behind (its ID token already expired here), then 400', async () => {
      idp.clockOffsetSeconds = -600;
      const back = await signIn(request.agent(buildTestApp()));
      await assertRefused(back, 400, 'clock');
    });

    it('when the ID token comes from another issuer than the configured one, then 400', async () => {
      const { createServer } = await import('node:http');
      // Serves the provider's metadata under its own address: the tokens then name another issuer.
      const impostor = createServer((_req, res) => {
        void fetch(`${idp.issuer}/.well-known/openid-configuration`)
          .then((upstream) => upstream.json() as Promise<Record<string, unknown>>)
          .then((metadata) => {
            res.setHeader('content-type', 'application/json');
            // As a provider without RFC 9207 would: the answer carries no issuer, only the ID token does.
            res.end(
              JSON.stringify({
                ...metadata,
                issuer: impostorIssuer,
                authorization_response_iss_parameter_supported: false,
              }),
            );
          });
      });
      await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
      const impostorIssuer = `http://127.0.0.1:${(impostor.address() as { port: number }).port}`;
      try {
        await UserModel.db
          .collection('identityproviders')
          .updateOne({ municipalityCode: AARHUS }, { $set: { issuer: impostorIssuer } });
        const agent = request.agent(buildTestApp());
        const withIssuer = await signIn(agent);
        await assertRefused(withIssuer, 400, 'issuer');
        const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
        const back = new URL(await passThroughProvider(start.headers.location!), 'http://app');
        back.searchParams.delete('iss');
        await assertRefused(await agent.get(`${back.pathname}${back.search}`), 400, 'issuer');
        assert.equal(
          (await failureReasons()).filter((reason) => reason === 'issuer').length,
          2,
          'refused both by the answer’s issuer and by the ID token’s',
        );
      } finally {
        impostor.closeAllConnections();
        await new Promise((resolve) => impostor.close(resolve));
      }
    });

    it('when the provider does not answer within the timeout, then 502 at the start and at the answer', async () => {
      const app = buildTestApp({ config: testConfig({ IDENTITY_PROVIDER_TIMEOUT_MS: '300' }) });
      const agent = request.agent(app);
      const start = await agent.get(`/log-ind/kommune/${AARHUS}`);
      const back = await passThroughProvider(start.headers.location!);
      idp.stall();
      await assertRefused(await agent.get(back), 502, 'provider-unavailable');
      const again = await request.agent(app).get(`/log-ind/kommune/${AARHUS}`);
      await assertRefused(again, 502, 'provider-unavailable');
    });
  });

  it('when a municipality has no provider, then its start address leads back to the login page with a message', async () => {
    const agent = request.agent(buildTestApp());
    const response = await agent.get('/log-ind/kommune/0101');
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/log-ind');
    assert.match((await agent.get('/log-ind')).text, /logger ikke ind gennem sin egen identitetsudbyder/);
  });

  it('when one address sends many answers or starts, then it is throttled', async () => {
    const agent = request.agent(buildTestApp());
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await agent.get('/log-ind/kommune/svar')).status);
    assert.deepEqual([...new Set(statuses.slice(0, 30))], [400]);
    assert.equal(statuses[30], 429);
    assert.equal((await agent.get(`/log-ind/kommune/${AARHUS}`)).status, 429, 'the start counts alike');
  });

  it('a signed-in person going back to log in is sent home', async () => {
    const agent: Agent = request.agent(buildTestApp());
    await signIn(agent);
    assert.equal((await agent.get(`/log-ind/kommune/${AARHUS}`)).headers.location, '/overblik');
  });
});
