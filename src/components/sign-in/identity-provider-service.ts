import { trusted } from 'mongoose';
import { openSecret, sealSecret } from '../../shared/crypto/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { can, type Actor, type RequestContext, type SignInChoice } from '../accounts/index.js';
import { findMunicipality } from '../geography/index.js';
import type { IdentityProviderInput } from './identity-provider-schemas.js';
import { isDuplicateKeyError } from '../../shared/db/index.js';
import { EmailDomainClaimModel } from './email-domain-model.js';
import { IdentityProviderModel } from './identity-provider-model.js';
import {
  emailDomainOf,
  isIssuerAllowed,
  type AssuranceMinimum,
  type GroupRole,
  type MinimumLevel,
} from './sign-in-rules.js';

/** A municipality's provider as sign-in uses it (the secret still sealed). */
export interface StoredProvider {
  municipalityCode: string;
  issuer: string;
  clientId: string;
  sealedClientSecret: string;
  claims: { email: string; name: string; groups: string };
  groupRoles: GroupRole[];
  assurance: AssuranceMinimum;
  emailDomains: string[];
}

/** Only the municipality's own administrator, or a platform administrator; others learn nothing (404). */
function assertMayConfigure(actor: Actor, municipalityCode: string): void {
  const may = can(actor, 'municipality:configure', { municipalityCode }) || can(actor, 'platform:manage');
  if (!may) throw new NotFoundError();
  if (!findMunicipality(municipalityCode)) throw new NotFoundError();
}

export async function providerOf(municipalityCode: string): Promise<StoredProvider | undefined> {
  const stored = await IdentityProviderModel.findOne({ municipalityCode }).lean();
  if (!stored) return undefined;
  return {
    municipalityCode: stored.municipalityCode,
    issuer: stored.issuer,
    clientId: stored.clientId,
    sealedClientSecret: stored.sealedClientSecret,
    claims: { email: stored.claims!.email, name: stored.claims!.name, groups: stored.claims!.groups },
    groupRoles: (stored.groupRoles ?? []).map((entry) => ({ group: entry.group, role: entry.role })),
    assurance: {
      level: (stored.assurance?.level ?? 'none') as MinimumLevel,
      acceptedAcr: stored.assurance?.acceptedAcr ?? [],
    },
    emailDomains: stored.emailDomains ?? [],
  };
}

/** The form's values for the stored provider: everything but the secret, which is never shown again. */
export async function providerFormValues(
  actor: Actor,
  municipalityCode: string,
): Promise<{ values: Record<string, string>; hasSecret: boolean }> {
  assertMayConfigure(actor, municipalityCode);
  const provider = await providerOf(municipalityCode);
  if (!provider)
    return {
      values: {
        emailClaim: 'email',
        nameClaim: 'name',
        groupsClaim: 'groups',
        assuranceLevel: 'substantial',
      },
      hasSecret: false,
    };
  return {
    values: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      emailClaim: provider.claims.email,
      nameClaim: provider.claims.name,
      groupsClaim: provider.claims.groups,
      groupRoles: provider.groupRoles.map((entry) => `${entry.group} = ${entry.role}`).join('\n'),
      assuranceLevel: provider.assurance.level,
      acceptedAcr: provider.assurance.acceptedAcr.join('\n'),
      emailDomains: provider.emailDomains.join('\n'),
    },
    hasSecret: true,
  };
}

/** Saves the municipality's provider. An empty secret keeps the stored one; the first save needs one. */
export async function saveProvider(
  actor: Actor,
  municipalityCode: string,
  input: IdentityProviderInput,
  encryptionKey: Buffer,
  context: RequestContext,
  production: boolean,
): Promise<void> {
  assertMayConfigure(actor, municipalityCode);
  const existing = await providerOf(municipalityCode);
  const fieldErrors: Record<string, string> = {};
  if (!isIssuerAllowed(input.issuer, production)) fieldErrors.issuer = 'signIn.settings.errors.issuer';
  if (!existing && input.clientSecret === '') fieldErrors.clientSecret = 'forms.errors.required';
  // The stored secret goes only to the server and client it was typed for: pointing elsewhere needs it again.
  const moved = existing && (existing.issuer !== input.issuer || existing.clientId !== input.clientId);
  if (moved && input.clientSecret === '') fieldErrors.clientSecret = 'signIn.settings.errors.secretAgain';
  // A provider vouches for every address in its domains, here and in any other municipality: only a
  // platform administrator decides them. A municipal administrator's save keeps the stored list.
  const mayChangeDomains = actor.role === 'platform-admin';
  const emailDomains = mayChangeDomains ? (input.emailDomains ?? []) : (existing?.emailDomains ?? []);
  if (mayChangeDomains && emailDomains.length === 0) fieldErrors.emailDomains = 'forms.errors.required';
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
  if (mayChangeDomains) await claimDomains(municipalityCode, emailDomains, existing?.emailDomains ?? []);

  const secretChanged = input.clientSecret !== '';
  await IdentityProviderModel.updateOne(
    { municipalityCode },
    {
      $set: {
        issuer: input.issuer,
        clientId: input.clientId,
        sealedClientSecret: secretChanged
          ? sealSecret(input.clientSecret, encryptionKey)
          : existing!.sealedClientSecret,
        claims: { email: input.emailClaim, name: input.nameClaim, groups: input.groupsClaim },
        groupRoles: input.groupRoles,
        assurance: { level: input.assuranceLevel, acceptedAcr: input.acceptedAcr },
        emailDomains,
        updatedBy: actor.userId,
      },
    },
    { upsert: true },
  );
  await recordAudit(
    {
      action: 'identity-provider.configured',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode,
      objectType: 'identity-provider',
      objectId: municipalityCode,
      // What changed in outline; never the secret.
      details: {
        issuer: input.issuer,
        clientId: input.clientId,
        secretChanged,
        groupRoles: input.groupRoles.map((entry) => `${entry.group} = ${entry.role}`),
        assuranceLevel: input.assuranceLevel,
        emailDomains,
      },
    },
    context.origin,
  );
}

/**
 * Takes the domains for the municipality: each one a unique insert, so of two saves wanting the same
 * domain only one gets it, even at the same moment. The municipality's domains no longer wanted are let go.
 * Refused as a whole (nothing taken) when any domain belongs to another municipality.
 */
async function claimDomains(
  municipalityCode: string,
  wanted: readonly string[],
  stored: readonly string[],
): Promise<void> {
  const taken: string[] = [];
  const release = () =>
    EmailDomainClaimModel.deleteMany({ municipalityCode, domain: trusted({ $in: taken }) });
  for (const domain of wanted) {
    try {
      await EmailDomainClaimModel.create({ domain, municipalityCode });
      taken.push(domain);
      continue;
    } catch (error) {
      if (!isDuplicateKeyError(error)) {
        await release();
        throw error;
      }
    }
    const holder = await EmailDomainClaimModel.findOne({ domain }, { municipalityCode: 1 }).lean();
    if (holder?.municipalityCode !== municipalityCode) {
      await release();
      throw new ValidationError({ emailDomains: 'signIn.settings.errors.domainTaken' });
    }
  }
  // Providers stored before domains were claimed one by one are checked too.
  const legacy = await IdentityProviderModel.findOne(
    { emailDomains: trusted({ $in: [...wanted] }), municipalityCode: trusted({ $ne: municipalityCode }) },
    { municipalityCode: 1 },
  ).lean();
  if (legacy) {
    await release();
    throw new ValidationError({ emailDomains: 'signIn.settings.errors.domainTaken' });
  }
  const dropped = stored.filter((domain) => !wanted.includes(domain));
  if (dropped.length > 0)
    await EmailDomainClaimModel.deleteMany({ municipalityCode, domain: trusted({ $in: dropped }) });
}

export function clientSecretOf(provider: StoredProvider, encryptionKey: Buffer): string {
  return openSecret(provider.sealedClientSecret, encryptionKey);
}

export function startPath(municipalityCode: string): string {
  return `/log-ind/kommune/${municipalityCode}`;
}

/** One button per municipality with a provider, by name. */
export async function signInChoices(language: 'da' | 'en'): Promise<SignInChoice[]> {
  const providers = await IdentityProviderModel.find({}, { municipalityCode: 1 }).limit(200).lean();
  const t = translatorFor(language);
  return providers
    .map((provider) => ({
      code: provider.municipalityCode,
      name: findMunicipality(provider.municipalityCode)?.name,
    }))
    .filter((entry): entry is { code: string; name: string } => entry.name !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((entry) => ({
      label: t('signIn.login.with', { municipality: entry.name }),
      href: startPath(entry.code),
    }));
}

/**
 * Where an address must sign in: a page leading to its municipality's provider when its domain is one of
 * the staff domains. A page, not the provider itself: the login form's answer may only lead to our own
 * origin (the Content-Security-Policy's form-action), so the person follows a link from there.
 */
export async function signInPathForEmail(email: string): Promise<string | undefined> {
  const domain = emailDomainOf(email);
  if (!domain) return undefined;
  const provider = await IdentityProviderModel.findOne(
    { emailDomains: domain },
    { municipalityCode: 1 },
  ).lean();
  return provider ? `${startPath(provider.municipalityCode)}/videre` : undefined;
}
