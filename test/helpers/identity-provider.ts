import { AsyncLocalStorage } from 'node:async_hooks';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { IdentityProviderModel } from '../../src/components/sign-in/identity-provider-model.js';
import { sealSecret } from '../../src/shared/crypto/index.js';
import { testConfig } from './test-config.js';

interface ProviderAccount {
  email: string;
  name: string;
  groups: string[];
  email_verified?: boolean;
}

export const TEST_CLIENT = { id: 'brobygning', secret: 'test-client-secret-not-for-production' };

type Payload = Record<string, unknown> & { exp?: number; consumed?: number; grantId?: string; uid?: string };

/**
 * A municipality's identity provider for tests: oidc-provider on 127.0.0.1, with one client, people whose
 * groups the test sets, and the `acr` of the next sign-in. Its login and consent prompts are answered
 * by code (the person the test chose signs in), so a test follows the redirects with plain fetch.
 */
export interface TestIdentityProvider {
  issuer: string;
  accounts: Map<string, ProviderAccount>;
  /** Who signs in at the next login prompt, and with which assurance. */
  nextLogin: { accountId: string; acr?: string };
  /** Codes issued so far count as already used / as expired (the token endpoint refuses them). */
  consumeCodes(): void;
  expireCodes(): void;
  /** The provider's clock, in seconds ahead (negative: behind) of this machine's. */
  clockOffsetSeconds: number;
  /** From now on requests get no answer (a provider that hangs); resume() answers again. */
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

// The provider's clock can differ from the app's although both run in this process: while a test
// provider runs, Date.now answers with the offset inside the provider's own requests, and as before
// everywhere else. The last provider to close puts Date.now back.
const providerClock = new AsyncLocalStorage<number>();
let runningProviders = 0;
let machineNow: () => number = Date.now;
const providerNow = () => machineNow() + (providerClock.getStore() ?? 0) * 1000;

function holdClock(): () => void {
  if (runningProviders === 0) {
    machineNow = Date.now;
    Date.now = providerNow;
  }
  runningProviders += 1;
  return () => {
    runningProviders -= 1;
    if (runningProviders === 0 && Date.now === providerNow) Date.now = machineNow;
  };
}

function adapterFor(store: Map<string, Payload>) {
  return class TestAdapter {
    constructor(private readonly model: string) {}
    key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Payload) {
      store.set(this.key(id), { ...payload });
    }
    async find(id: string) {
      return store.get(this.key(id));
    }
    async findByUid(uid: string) {
      return [...store.entries()].find(([key, p]) => key.startsWith(`${this.model}:`) && p.uid === uid)?.[1];
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const payload = store.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, payload] of store) if (payload.grantId === grantId) store.delete(key);
    }
  };
}

export async function startIdentityProvider(options: {
  redirectUris: string[];
}): Promise<TestIdentityProvider> {
  const releaseClock = holdClock();
  const store = new Map<string, Payload>();
  const accounts = new Map<string, ProviderAccount>();
  const held = new Set<ServerResponse>();
  let stalled = false;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const server: Server = createServer((req, res) => {
    if (stalled) return void held.add(res);
    providerClock.run(control.clockOffsetSeconds, () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    adapter: adapterFor(store),
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        // The assurance is always in the ID token, as NSIS-aware providers send it.
        default_acr_values: ['low', 'substantial', 'high'],
      },
    ],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    // The groups and name travel in the ID token, as Microsoft Entra ID sends them.
    conformIdTokenClaims: false,
    acrValues: ['low', 'substantial', 'high'],
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: { IdToken: 300, AuthorizationCode: 300, Interaction: 600, Session: 3600, Grant: 3600 },
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  // oidc-provider logs every refused request through its events; the tests look at the app instead.
  provider.on('server_error', () => undefined);

  const answerInteraction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const { accountId, acr } = control.nextLogin;
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId, ...(acr ? { acr } : {}) } },
        {
          mergeWithLastSubmission: false,
        },
      );
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId!, clientId: TEST_CLIENT.id });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    grant.addOIDCScope((missing.missingOIDCScope ?? ['openid']).join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
  };
  const callback = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/interaction/'))
      return void answerInteraction(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    callback(req, res);
  };

  const codes = () => [...store.entries()].filter(([key]) => key.startsWith('AuthorizationCode:'));
  const control: TestIdentityProvider = {
    issuer,
    accounts,
    nextLogin: { accountId: '' },
    clockOffsetSeconds: 0,
    consumeCodes() {
      for (const [, payload] of codes()) payload.consumed = Math.floor(machineNow() / 1000);
    },
    expireCodes() {
      for (const [, payload] of codes()) payload.exp = Math.floor(machineNow() / 1000) - 60;
    },
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      releaseClock();
    },
  };
  return control;
}

/** Cookies per origin for plain fetch, as a browser keeps them for the provider's pages. */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
}

/**
 * Follows the provider's redirects (login and consent answered by the provider itself) until it sends
 * the browser back to the app, and returns that address's path and query for the app's agent.
 */
export async function passThroughProvider(authorizationUrl: string, jar = new CookieJar()): Promise<string> {
  let url = authorizationUrl;
  const origin = new URL(authorizationUrl).origin;
  for (let hop = 0; hop < 12; hop += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without sending the browser on`);
    const next = new URL(location, url);
    if (next.origin !== origin) return `${next.pathname}${next.search}`;
    url = next.href;
  }
  throw new Error('the provider kept redirecting');
}

/** Stores a municipality's provider as its administrator would configure it (Aarhus, by default). */
export async function configureProvider(
  issuer: string,
  overrides: Partial<{
    municipalityCode: string;
    groupRoles: Array<{ group: string; role: string }>;
    assurance: { level: 'none' | 'low' | 'substantial' | 'high'; acceptedAcr: string[] };
    emailDomains: string[];
    clientSecret: string;
  }> = {},
): Promise<void> {
  await IdentityProviderModel.create({
    municipalityCode: overrides.municipalityCode ?? '0751',
    issuer,
    clientId: TEST_CLIENT.id,
    sealedClientSecret: sealSecret(
      overrides.clientSecret ?? TEST_CLIENT.secret,
      testConfig().dataEncryptionKey,
    ),
    claims: { email: 'email', name: 'name', groups: 'groups' },
    groupRoles: overrides.groupRoles ?? [
      { group: 'brobygning-sagsbehandlere', role: 'social-worker' },
      { group: 'brobygning-ledere', role: 'leader' },
    ],
    assurance: overrides.assurance ?? { level: 'substantial', acceptedAcr: [] },
    emailDomains: overrides.emailDomains ?? ['aarhus.dk'],
  });
}
