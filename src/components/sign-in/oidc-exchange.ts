import * as client from 'openid-client';
import { isIssuerAllowed, isSameIssuer, withUserInfo } from './sign-in-rules.js';

/** What a sign-in started with, kept in the person's session until the provider sends them back. */
export interface PendingSignIn {
  municipalityCode: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  startedAt: number;
}

export interface ProviderClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  production: boolean;
}

/** Why a sign-in through a provider failed, as the audit log and the failure page name it. */
export type ExchangeFailure =
  | 'provider-unavailable'
  | 'provider-refused'
  | 'code-refused'
  | 'nonce'
  | 'issuer'
  | 'audience'
  | 'clock'
  | 'invalid-response';

export class ExchangeError extends Error {
  constructor(readonly reason: ExchangeFailure) {
    super(`Sign-in through the identity provider failed: ${reason}`);
    this.name = 'ExchangeError';
  }
}

/** The provider's metadata, fetched from its issuer (discovery), with every request bounded in time. */
async function discover(provider: ProviderClient): Promise<client.Configuration> {
  if (!isIssuerAllowed(provider.issuer, provider.production)) throw new ExchangeError('issuer');
  let config: client.Configuration;
  try {
    config = await client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      client.ClientSecretPost(provider.clientSecret),
      {
        timeout: provider.timeoutMs / 1000,
        // A provider on this machine (development and tests only, checked above) speaks plain http.
        execute: new URL(provider.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
      },
    );
  } catch (error) {
    throw new ExchangeError(failureOf(error));
  }
  // openid-client lets Entra ID's multi-tenant metadata name a template issuer; only the configured
  // issuer itself is trusted.
  if (!isSameIssuer(provider.issuer, config.serverMetadata().issuer)) throw new ExchangeError('issuer');
  return config;
}

/** The address at the provider where the person signs in: authorization code flow with PKCE, state and nonce. */
export async function authorizationUrl(
  provider: ProviderClient,
  redirectUri: string,
  municipalityCode: string,
): Promise<{ url: string; pending: PendingSignIn }> {
  const config = await discover(provider);
  const pending: PendingSignIn = {
    municipalityCode,
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    startedAt: Date.now(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, pending };
}

/**
 * Exchanges the code the provider sent back and validates the ID token (signature, issuer, audience,
 * nonce, times) with openid-client. Returns the token's claims, completed from the userinfo endpoint
 * for claims the ID token leaves out.
 */
export async function exchangeCode(
  provider: ProviderClient,
  callbackUrl: URL,
  pending: PendingSignIn,
  wantedClaims: readonly string[],
): Promise<Record<string, unknown>> {
  const config = await discover(provider);
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = { ...tokens.claims() } as Record<string, unknown>;
    const missing = wantedClaims.some((claim) => claims[claim] === undefined);
    if (missing && config.serverMetadata().userinfo_endpoint && typeof claims.sub === 'string') {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      // The ID token's own claims win: they are the ones whose signature was checked.
      return withUserInfo(claims, info as Record<string, unknown>);
    }
    return claims;
  } catch (error) {
    throw new ExchangeError(failureOf(error));
  }
}

function failureOf(error: unknown): ExchangeFailure {
  if (error instanceof ExchangeError) return error.reason;
  if (error instanceof client.AuthorizationResponseError) return 'provider-refused';
  if (error instanceof client.ResponseBodyError)
    return error.status >= 500 ? 'provider-unavailable' : 'code-refused';
  // fetch itself failed: the provider could not be reached. Any other TypeError is a malformed answer.
  if (error instanceof TypeError)
    return error.message === 'fetch failed' ? 'provider-unavailable' : 'invalid-response';
  if (!(error instanceof client.ClientError)) return 'invalid-response';
  switch (error.code) {
    case 'OAUTH_TIMEOUT':
    case 'OAUTH_ABORT':
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
      return 'provider-unavailable';
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return 'clock';
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      return claimOf(error) === 'nonce' ? 'nonce' : claimOf(error) === 'iss' ? 'issuer' : 'audience';
    default:
      // The answer named another issuer (the authorization response's `iss`, or discovery's metadata).
      return /issuer/.test(`${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`)
        ? 'issuer'
        : 'invalid-response';
  }
}

function claimOf(error: Error): unknown {
  const processing = error.cause as { cause?: { claim?: unknown } } | undefined;
  return processing?.cause?.claim;
}
