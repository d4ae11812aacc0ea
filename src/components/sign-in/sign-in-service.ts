import { recordAudit } from '../../shared/audit/index.js';
import {
  signInFromProvider,
  withdrawProviderRoles,
  type RequestContext,
  type SessionUser,
} from '../accounts/index.js';
import { clientSecretOf, type StoredProvider } from './identity-provider-service.js';
import { exchangeCode, type PendingSignIn, type ProviderClient } from './oidc-exchange.js';
import {
  assuranceSatisfies,
  emailWithinDomains,
  groupsFromClaim,
  isGrantableByProvider,
  rolesForGroups,
} from './sign-in-rules.js';

/** Why a sign-in was refused after the provider answered (the failures before it are ExchangeFailure). */
type SignInRefusal =
  | 'state'
  | 'provider-gone'
  | 'email-missing'
  | 'email-unverified'
  | 'email-outside-domains'
  | 'account-disabled'
  | 'platform-account'
  | 'no-access';

export type SignInOutcome =
  { ok: true; user: SessionUser; secondFactorSatisfied: boolean } | { ok: false; reason: SignInRefusal };

export interface SignInSettings {
  encryptionKey: Buffer;
  timeoutMs: number;
  /** In production a provider is reached over https only, never at an address inside a network. */
  production: boolean;
  redirectUri: string;
}

/** How long a person may spend at the provider before the sign-in they started is forgotten. */
export const PENDING_SIGN_IN_MS = 10 * 60_000;

export function clientFor(provider: StoredProvider, settings: SignInSettings): ProviderClient {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: clientSecretOf(provider, settings.encryptionKey),
    timeoutMs: settings.timeoutMs,
    production: settings.production,
  };
}

/**
 * Finishes a sign-in the provider sent back: the code is exchanged and the ID token validated, then the
 * person's account is found (or created) with the roles their groups grant. Nothing is created or
 * changed unless every check passed. Throws ExchangeError when the exchange itself fails.
 */
export async function finishSignIn(
  provider: StoredProvider,
  pending: PendingSignIn,
  callbackUrl: URL,
  settings: SignInSettings,
  context: RequestContext,
): Promise<SignInOutcome> {
  const { claims: names } = provider;
  const claims = await exchangeCode(clientFor(provider, settings), callbackUrl, pending, [
    names.email,
    names.name,
    names.groups,
  ]);
  const email = claims[names.email];
  if (typeof email !== 'string' || !email.includes('@')) return { ok: false, reason: 'email-missing' };
  // A provider that says it has not verified the address does not vouch for it.
  if (claims.email_verified === false) return { ok: false, reason: 'email-unverified' };
  // A municipality's provider vouches only for its own staff's addresses, never for anyone else's account.
  if (!emailWithinDomains(email, provider.emailDomains))
    return { ok: false, reason: 'email-outside-domains' };
  const roles = rolesForGroups(groupsFromClaim(claims[names.groups]), provider.groupRoles);
  if (roles.length === 0) {
    // Removed from every group: the roles they had here end now, not at their next session's timeout.
    await withdrawProviderRoles(email, provider.municipalityCode, context);
    return { ok: false, reason: 'no-access' };
  }
  const name =
    typeof claims[names.name] === 'string' && claims[names.name] !== '' ? String(claims[names.name]) : email;
  const result = await signInFromProvider(
    { email, name, municipalityCode: provider.municipalityCode, roles },
    context,
  );
  if (!result.ok)
    return { ok: false, reason: result.reason === 'disabled' ? 'account-disabled' : 'platform-account' };
  return {
    ok: true,
    user: result.user,
    // The provider's assurance stands for the second factor only where the provider has a say: an
    // account with any role elsewhere (another municipality, an organisation) keeps its own TOTP step.
    secondFactorSatisfied:
      assuranceSatisfies(claims.acr, provider.assurance) &&
      onlyRolesIn(result.user, provider.municipalityCode),
  };
}

function onlyRolesIn(user: SessionUser, municipalityCode: string): boolean {
  return user.grants.every(
    (grant) =>
      !grant.active ||
      (grant.municipalityCode === municipalityCode &&
        isGrantableByProvider(grant.role) &&
        !grant.organisationId),
  );
}

/** Every failed or refused sign-in is in the audit log with its reason (never a token or a code). */
export async function auditSignInFailure(
  municipalityCode: string | undefined,
  reason: string,
  context: RequestContext,
): Promise<void> {
  await recordAudit(
    {
      action: 'login',
      outcome: reason === 'no-access' ? 'denied' : 'failure',
      municipalityCode,
      objectType: 'identity-provider',
      objectId: municipalityCode,
      details: { via: 'identity-provider', reason },
    },
    context.origin,
  );
}
