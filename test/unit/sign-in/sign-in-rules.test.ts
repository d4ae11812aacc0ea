import assert from 'node:assert/strict';
import { identityProviderSchema } from '../../../src/components/sign-in/identity-provider-schemas.js';
import {
  assuranceSatisfies,
  emailDomainOf,
  emailWithinDomains,
  groupsFromClaim,
  isIssuerAllowed,
  isMultiTenantIssuer,
  isSameIssuer,
  nsisLevelOf,
  rolesForGroups,
  withUserInfo,
} from '../../../src/components/sign-in/sign-in-rules.js';

describe('sign-in rules', () => {
  describe('the issuer', () => {
    const tenant = 'https://login.microsoftonline.com/3f1c0b1e-0000-4000-8000-000000000751/v2.0';
    it('only the configured issuer itself is trusted, never a multi-tenant template', () => {
      assert.equal(isSameIssuer(tenant, tenant), true);
      assert.equal(isSameIssuer(tenant, `${tenant}/`), false);
      assert.equal(
        isSameIssuer(
          'https://login.microsoftonline.com/common/v2.0',
          'https://login.microsoftonline.com/{tenantid}/v2.0',
        ),
        false,
      );
      assert.equal(
        isSameIssuer(
          'https://login.microsoftonline.com/{tenantid}/v2.0',
          'https://login.microsoftonline.com/{tenantid}/v2.0',
        ),
        false,
      );
      assert.equal(isSameIssuer(tenant, undefined), false);
    });
    it('Entra ID’s common, organizations and consumers addresses are multi-tenant; a tenant’s own is not', () => {
      for (const name of ['common', 'organizations', 'consumers', 'Common'])
        assert.equal(isMultiTenantIssuer(`https://login.microsoftonline.com/${name}/v2.0`), true, name);
      assert.equal(isMultiTenantIssuer(tenant), false);
      assert.equal(isMultiTenantIssuer('https://login.example.dk/common'), false);
      const form = { issuer: 'https://login.microsoftonline.com/organizations/v2.0' };
      const parsed = identityProviderSchema.shape.issuer.safeParse(form.issuer);
      assert.equal(parsed.success, false);
    });
  });

  describe('where the app may fetch a provider from', () => {
    it('in production: https only, never an address literal inside a network or on this machine', () => {
      for (const url of [
        'http://127.0.0.1:3000',
        'http://localhost:3000',
        'https://localhost/',
        'https://127.0.0.1/',
        'https://10.1.2.3/',
        'https://172.20.0.5/',
        'https://192.168.1.1/',
        'https://169.254.169.254/',
        'https://[::1]/',
        'https://[fe80::1]/',
        'https://[fd00::1]/',
        'https://[::ffff:10.0.0.1]/',
      ])
        assert.equal(isIssuerAllowed(url, true), false, url);
      assert.equal(isIssuerAllowed('https://login.microsoftonline.com/tenant/v2.0', true), true);
      assert.equal(isIssuerAllowed('https://8.8.8.8/', true), true);
    });
    it('elsewhere also plain http to this machine, and nowhere else', () => {
      assert.equal(isIssuerAllowed('http://127.0.0.1:3000', false), true);
      assert.equal(isIssuerAllowed('http://[::1]:3000', false), true);
      assert.equal(isIssuerAllowed('http://login.example.dk', false), false);
      assert.equal(isIssuerAllowed('https://login.example.dk', false), true);
    });
  });

  describe('claims from userinfo', () => {
    it('complete the ID token’s, which win, and the assurance is the ID token’s alone', () => {
      const merged = withUserInfo(
        { sub: '1', email: 'a@aarhus.dk' },
        { sub: '1', email: 'b@x.dk', groups: ['g'], acr: 'high' },
      );
      assert.deepEqual(merged, { sub: '1', email: 'a@aarhus.dk', groups: ['g'], acr: undefined });
      assert.equal(withUserInfo({ acr: 'low' }, { acr: 'high' }).acr, 'low');
    });
  });

  describe('groups to roles', () => {
    const mapping = [
      { group: 'sagsbehandlere', role: 'social-worker' },
      { group: 'ledere', role: 'leader' },
      { group: 'admins', role: 'municipal-admin' },
      { group: 'ledere-2', role: 'leader' },
    ];

    it('when groups are mapped, then each role is granted once, in the app’s order of roles', () => {
      assert.deepEqual(rolesForGroups(['ledere-2', 'ledere', 'sagsbehandlere', 'andet'], mapping), [
        'social-worker',
        'leader',
      ]);
    });

    it('when no group is mapped, then no role', () => {
      assert.deepEqual(rolesForGroups(['andet'], mapping), []);
      assert.deepEqual(rolesForGroups([], mapping), []);
    });

    it('when a mapping names a platform or organisation role, then it grants nothing, even if stored', () => {
      const stored = [
        { group: 'it', role: 'platform-admin' },
        { group: 'alle', role: 'volunteer' },
        { group: 'foreninger', role: 'coordinator' },
      ];
      assert.deepEqual(rolesForGroups(['it', 'alle', 'foreninger'], stored), []);
    });

    it('the groups claim may be a list or one string; anything else carries none', () => {
      assert.deepEqual(groupsFromClaim(['a', 1, 'b']), ['a', 'b']);
      assert.deepEqual(groupsFromClaim('a'), ['a']);
      assert.deepEqual(groupsFromClaim(undefined), []);
      assert.deepEqual(groupsFromClaim({ a: 1 }), []);
    });
  });

  describe('assurance as the second factor', () => {
    const substantial = { level: 'substantial' as const, acceptedAcr: [] };

    it('reads the NSIS level from the bare word or a URI ending in it', () => {
      assert.equal(nsisLevelOf('substantial'), 'substantial');
      assert.equal(nsisLevelOf('https://data.gov.dk/concept/core/nsis/loa/High'), 'high');
      assert.equal(nsisLevelOf('urn:dk:nsis:loa:Low'), 'low');
      assert.equal(nsisLevelOf('http://schemas.microsoft.com/claims/multipleauthn'), undefined);
      assert.equal(nsisLevelOf(3), undefined);
    });

    it('when the level is at or above the minimum, then it counts; below or missing, it does not', () => {
      assert.equal(assuranceSatisfies('substantial', substantial), true);
      assert.equal(assuranceSatisfies('https://data.gov.dk/concept/core/nsis/loa/High', substantial), true);
      assert.equal(assuranceSatisfies('low', substantial), false);
      assert.equal(assuranceSatisfies(undefined, substantial), false);
      assert.equal(assuranceSatisfies('', substantial), false);
      assert.equal(assuranceSatisfies('substantial', { level: 'high', acceptedAcr: [] }), false);
    });

    it('when an exact acr value is listed, then it counts whatever the level; with level none only those count', () => {
      const adfs = 'http://schemas.microsoft.com/claims/multipleauthn';
      assert.equal(assuranceSatisfies(adfs, { level: 'none', acceptedAcr: [adfs] }), true);
      assert.equal(assuranceSatisfies('high', { level: 'none', acceptedAcr: [adfs] }), false);
      assert.equal(assuranceSatisfies(adfs, substantial), false);
    });
  });

  describe('e-mail domains', () => {
    it('takes the domain in lower case, and only the staff domains count', () => {
      assert.equal(emailDomainOf(' Anna@Aarhus.DK '), 'aarhus.dk');
      assert.equal(emailDomainOf('no-at-sign'), undefined);
      assert.equal(emailDomainOf('@aarhus.dk'), undefined);
      assert.equal(emailWithinDomains('anna@aarhus.dk', ['aarhus.dk']), true);
      assert.equal(emailWithinDomains('anna@mso.aarhus.dk', ['aarhus.dk']), false, 'a subdomain is its own');
      assert.equal(emailWithinDomains('anna@evil-aarhus.dk', ['aarhus.dk']), false);
    });
  });

  describe('the settings form', () => {
    const valid = {
      issuer: 'https://login.example.dk',
      clientId: 'client',
      clientSecret: 'secret',
      emailClaim: 'email',
      nameClaim: 'name',
      groupsClaim: 'groups',
      groupRoles: 'a = social-worker',
      assuranceLevel: 'substantial',
      acceptedAcr: '',
      emailDomains: 'Aarhus.dk, @mso.aarhus.dk',
    };
    const errorsOf = (fields: Record<string, string>) => {
      const parsed = identityProviderSchema.safeParse({ ...valid, ...fields });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
    };

    it('accepts a valid form and normalises the domains', () => {
      const parsed = identityProviderSchema.parse(valid);
      assert.deepEqual(parsed.emailDomains, ['aarhus.dk', 'mso.aarhus.dk']);
      assert.deepEqual(parsed.groupRoles, [{ group: 'a', role: 'social-worker' }]);
    });

    it('refuses a platform role, an unknown role and a line without a role', () => {
      assert.equal(
        errorsOf({ groupRoles: 'it = platform-admin' }).groupRoles,
        'signIn.settings.errors.platformRole',
      );
      assert.equal(errorsOf({ groupRoles: 'a = coordinator' }).groupRoles, 'signIn.settings.errors.role');
      assert.equal(errorsOf({ groupRoles: 'just a group' }).groupRoles, 'signIn.settings.errors.groupLine');
      assert.equal(errorsOf({ groupRoles: '' }).groupRoles, 'signIn.settings.errors.noGroups');
    });

    it('wants https, except for a provider on this machine', () => {
      assert.equal(errorsOf({ issuer: 'http://login.example.dk' }).issuer, 'signIn.settings.errors.issuer');
      assert.equal(
        errorsOf({ issuer: 'https://u:p@login.example.dk' }).issuer,
        'signIn.settings.errors.issuer',
      );
      assert.equal(errorsOf({ issuer: 'http://127.0.0.1:4000' }).issuer, undefined);
    });
  });
});
