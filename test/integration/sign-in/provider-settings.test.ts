import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { IdentityProviderModel } from '../../../src/components/sign-in/identity-provider-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { openSecret } from '../../../src/shared/crypto/index.js';
import { createUser, loginAs, submitForm, type Agent } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const AARHUS = '0751';
const PAGE = '/kommune/log-ind-udbyder';
const SECRET = 'Very-Secret-Client-Value-42';

const VALID = {
  issuer: 'https://login.example.dk/aarhus',
  clientId: 'brobygning-aarhus',
  clientSecret: SECRET,
  emailClaim: 'email',
  nameClaim: 'name',
  groupsClaim: 'groups',
  groupRoles: 'brobygning-sagsbehandlere = social-worker\nbrobygning-ledere = leader',
  assuranceLevel: 'substantial',
  acceptedAcr: '',
  emailDomains: 'aarhus.dk\nmso.aarhus.dk',
};

describe('the municipality’s identity provider settings', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let admin: Agent;

  beforeEach(async () => {
    app = buildTestApp();
    admin = await loginAs(
      app,
      await createUser({ roles: [{ role: 'municipal-admin', municipalityCode: AARHUS }], totp: true }),
    );
  });

  const save = (agent: Agent, fields: Record<string, string>, page = PAGE) =>
    submitForm(agent, page, page, fields);

  it('the settings page links to it', async () => {
    assert.match((await admin.get('/kommune/indstillinger')).text, /href="\/kommune\/log-ind-udbyder"/);
  });

  it('when the administrator saves a provider, then the secret is stored sealed, never shown again, and the change is audited', async () => {
    const saved = await save(admin, VALID);
    assert.equal(saved.status, 303, saved.text.slice(0, 400));
    const stored = (await IdentityProviderModel.findOne({ municipalityCode: AARHUS }).lean())!;
    assert.notEqual(stored.sealedClientSecret, SECRET);
    assert.equal(openSecret(stored.sealedClientSecret, testConfig().dataEncryptionKey), SECRET);
    assert.deepEqual(stored.emailDomains, [], 'a municipal administrator does not set the domains');
    assert.deepEqual(
      stored.groupRoles.map((entry) => [entry.group, entry.role]),
      [
        ['brobygning-sagsbehandlere', 'social-worker'],
        ['brobygning-ledere', 'leader'],
      ],
    );
    const page = await admin.get(PAGE);
    assert.equal(page.status, 200);
    assert.match(page.text, /value="brobygning-aarhus"/);
    assert.doesNotMatch(page.text, new RegExp(SECRET));
    const audit = await AuditEventModel.find({ action: 'identity-provider.configured' }).lean();
    assert.equal(audit.length, 1);
    assert.deepEqual((audit[0]!.details as { groupRoles: string[] }).groupRoles, [
      'brobygning-sagsbehandlere = social-worker',
      'brobygning-ledere = leader',
    ]);
    assert.doesNotMatch(JSON.stringify(audit), new RegExp(SECRET));

    // An empty secret keeps the stored one.
    assert.equal((await save(admin, { ...VALID, clientSecret: '', nameClaim: 'display_name' })).status, 303);
    const kept = (await IdentityProviderModel.findOne({ municipalityCode: AARHUS }).lean())!;
    assert.equal(kept.claims!.name, 'display_name');
    assert.equal(openSecret(kept.sealedClientSecret, testConfig().dataEncryptionKey), SECRET);
  });

  it('when fields are wrong, then each has its message in the error summary, and the typed secret is not sent back', async () => {
    const response = await save(admin, {
      ...VALID,
      issuer: 'http://login.example.dk/aarhus',
      groupsClaim: 'groups with spaces',
      emailDomains: 'not a domain',
    });
    assert.equal(response.status, 400);
    assert.match(response.text, /class="error-summary"/);
    for (const field of ['issuer', 'groupsClaim'])
      assert.match(response.text, new RegExp(`href="#${field}"`), field);
    assert.match(response.text, /Skriv en https-adresse/);
    assert.doesNotMatch(response.text, new RegExp(SECRET));
    assert.equal(await IdentityProviderModel.countDocuments({}), 0);
  });

  it('when the issuer is Entra ID’s multi-tenant address, then it is refused', async () => {
    const response = await save(admin, { ...VALID, issuer: 'https://login.microsoftonline.com/common/v2.0' });
    assert.equal(response.status, 400);
    assert.match(response.text, /ikke common, organizations eller consumers/);
    assert.equal(await IdentityProviderModel.countDocuments({}), 0);
  });

  it('when a group is mapped to the platform role, then it is refused and nothing is stored', async () => {
    const response = await save(admin, { ...VALID, groupRoles: 'it-drift = platform-admin' });
    assert.equal(response.status, 400);
    assert.match(response.text, /En gruppe kan aldrig give platformens administratorrolle/);
    assert.doesNotMatch(response.text, new RegExp(SECRET));
    assert.equal(await IdentityProviderModel.countDocuments({}), 0);
    const volunteer = await save(admin, { ...VALID, groupRoles: 'alle = volunteer' });
    assert.equal(volunteer.status, 400);
    assert.equal(await IdentityProviderModel.countDocuments({}), 0);
  });

  it('when the issuer or the client id changes, then the secret must be typed again', async () => {
    assert.equal((await save(admin, VALID)).status, 303);
    for (const change of [{ issuer: 'https://attacker.example.com' }, { clientId: 'another-client' }]) {
      const response = await save(admin, { ...VALID, ...change, clientSecret: '' });
      assert.equal(response.status, 400, JSON.stringify(change));
      assert.match(response.text, /href="#clientSecret"/);
    }
    const stored = (await IdentityProviderModel.findOne({ municipalityCode: AARHUS }).lean())!;
    assert.equal(stored.issuer, VALID.issuer);
    assert.equal(stored.clientId, VALID.clientId);
    assert.equal((await save(admin, { ...VALID, clientId: 'another-client' })).status, 303);
  });

  it('when the first save has no secret, then the secret field says it is required', async () => {
    const response = await save(admin, { ...VALID, clientSecret: '' });
    assert.equal(response.status, 400);
    assert.match(response.text, /href="#clientSecret"/);
  });

  it('when a domain already belongs to another municipality, then it is refused', async () => {
    const platform = await loginAs(
      app,
      await createUser({ roles: [{ role: 'platform-admin' }], totp: true }),
    );
    const other = '/platform/kommuner/0101/log-ind-udbyder';
    assert.equal((await save(platform, { ...VALID, emailDomains: 'kk.dk\naarhus.dk' }, other)).status, 303);
    const response = await save(platform, VALID, `/platform/kommuner/${AARHUS}/log-ind-udbyder`);
    assert.equal(response.status, 400);
    assert.match(response.text, /hører allerede til en anden kommune/);
    assert.equal(await IdentityProviderModel.countDocuments({ municipalityCode: AARHUS }), 0);
  });

  it('when the municipal administrator sends other domains, then the stored ones stay, shown read-only', async () => {
    const platform = await loginAs(
      app,
      await createUser({ roles: [{ role: 'platform-admin' }], totp: true }),
    );
    const platformPage = `/platform/kommuner/${AARHUS}/log-ind-udbyder`;
    assert.equal((await save(platform, VALID, platformPage)).status, 303);
    const saved = await save(admin, { ...VALID, clientSecret: '', emailDomains: 'kk.dk\ngmail.com' });
    assert.equal(saved.status, 303, saved.text.slice(0, 400));
    const stored = (await IdentityProviderModel.findOne({ municipalityCode: AARHUS }).lean())!;
    assert.deepEqual(stored.emailDomains, ['aarhus.dk', 'mso.aarhus.dk']);
    const page = (await admin.get(PAGE)).text;
    assert.doesNotMatch(page, /name="emailDomains"/);
    assert.match(page, /Kun platformens administrator ændrer domænerne/);
    assert.match((await platform.get(platformPage)).text, /name="emailDomains"/);
  });

  it('when two municipalities are given the same domain at the same moment, then only one holds it', async () => {
    const platform = await loginAs(
      app,
      await createUser({ roles: [{ role: 'platform-admin' }], totp: true }),
    );
    const codes = ['0101', '0147', '0151', AARHUS];
    const results = await Promise.all(
      codes.map((code) =>
        save(platform, { ...VALID, emailDomains: 'shared.dk' }, `/platform/kommuner/${code}/log-ind-udbyder`),
      ),
    );
    assert.equal(
      results.filter((result) => result.status === 303).length,
      1,
      results.map((r) => r.status).join(),
    );
    assert.equal(await IdentityProviderModel.countDocuments({ emailDomains: 'shared.dk' }), 1);
  });

  it('only the municipality’s own administrator and a platform administrator reach it', async () => {
    const otherAdmin = await loginAs(
      app,
      await createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0101' }], totp: true }),
    );
    const socialWorker = await loginAs(
      app,
      await createUser({ roles: [{ role: 'social-worker', municipalityCode: AARHUS }], totp: true }),
    );
    const platform = await loginAs(
      app,
      await createUser({ roles: [{ role: 'platform-admin' }], totp: true }),
    );

    assert.equal((await socialWorker.get(PAGE)).status, 404);
    assert.equal((await request(app).get(PAGE)).headers.location, '/log-ind');
    assert.equal((await otherAdmin.get(`/platform/kommuner/${AARHUS}/log-ind-udbyder`)).status, 404);
    // The other municipality's administrator edits their own municipality on their own page, never Aarhus.
    assert.equal((await save(otherAdmin, VALID)).status, 303);
    assert.equal(await IdentityProviderModel.countDocuments({ municipalityCode: AARHUS }), 0);
    assert.equal(await IdentityProviderModel.countDocuments({ municipalityCode: '0101' }), 1);

    const platformPage = `/platform/kommuner/${AARHUS}/log-ind-udbyder`;
    assert.equal((await platform.get(platformPage)).status, 200);
    assert.equal((await save(platform, { ...VALID, emailDomains: 'aarhus.dk' }, platformPage)).status, 303);
    assert.equal(await IdentityProviderModel.countDocuments({ municipalityCode: AARHUS }), 1);
    assert.equal((await platform.get('/platform/kommuner/9999/log-ind-udbyder')).status, 404);
  });
});
