import { BlockList, isIP } from 'node:net';
import { MUNICIPAL_STAFF_ROLES, type MunicipalStaffRole } from '../accounts/index.js';

/** The NSIS assurance levels, lowest first. */
export const NSIS_LEVELS = ['low', 'substantial', 'high'] as const;
export type NsisLevel = (typeof NSIS_LEVELS)[number];
/** 'none': no level counts by itself; only the listed acr values satisfy the second factor. */
export type MinimumLevel = NsisLevel | 'none';

export interface AssuranceMinimum {
  level: MinimumLevel;
  /** Exact `acr` values that count as a second factor whatever their level (e.g. AD FS multi-factor). */
  acceptedAcr: readonly string[];
}

export interface GroupRole {
  group: string;
  role: string;
}

/** Only municipal staff roles may come from a municipality's groups; never a platform role. */
export function isGrantableByProvider(role: string): role is MunicipalStaffRole {
  return (MUNICIPAL_STAFF_ROLES as readonly string[]).includes(role);
}

/**
 * The NSIS level an `acr` value names: the bare word ("substantial") or a URI ending in it, such as
 * https://data.gov.dk/concept/core/nsis/loa/Substantial.
 */
export function nsisLevelOf(acr: unknown): NsisLevel | undefined {
  if (typeof acr !== 'string') return undefined;
  const last = acr.trim().split(/[/:#]/).pop()?.toLowerCase();
  return NSIS_LEVELS.find((level) => level === last);
}

/** Whether the assurance the provider asserted counts as the second factor. */
export function assuranceSatisfies(acr: unknown, minimum: AssuranceMinimum): boolean {
  if (typeof acr !== 'string' || acr === '') return false;
  if (minimum.acceptedAcr.includes(acr)) return true;
  if (minimum.level === 'none') return false;
  const level = nsisLevelOf(acr);
  return level !== undefined && NSIS_LEVELS.indexOf(level) >= NSIS_LEVELS.indexOf(minimum.level);
}

/** The groups a claim carries: a list of strings, or one string. Anything else carries none. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The municipal roles the person's groups grant, in the app's order of roles. A mapping to any other
 * role is ignored here even if it was stored somehow: a provider can never grant a platform role.
 */
export function rolesForGroups(
  groups: readonly string[],
  mapping: readonly GroupRole[],
): MunicipalStaffRole[] {
  const granted = new Set(
    mapping
      .filter((entry) => groups.includes(entry.group))
      .map((entry) => entry.role)
      .filter(isGrantableByProvider),
  );
  return MUNICIPAL_STAFF_ROLES.filter((role) => granted.has(role));
}

/** The domain of an e-mail address, lower case; undefined when it has none. */
export function emailDomainOf(email: string): string | undefined {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase();
  return domain === '' ? undefined : domain;
}

/** A municipality's provider may only vouch for addresses in the municipality's own staff domains. */
export function emailWithinDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain !== undefined && domains.includes(domain);
}

/**
 * The claims sign-in uses: the ID token's, completed from userinfo only for claims the token leaves out.
 * The assurance (`acr`) is the token's alone: its signature was checked, userinfo's answer is not signed.
 */
export function withUserInfo(
  idTokenClaims: Record<string, unknown>,
  userInfo: Record<string, unknown>,
): Record<string, unknown> {
  return { ...userInfo, ...idTokenClaims, acr: idTokenClaims.acr };
}

/**
 * Whether the issuer named in the provider's metadata is exactly the configured one. A multi-tenant
 * issuer (Microsoft Entra ID's `common` or `organizations`, whose metadata name `{tenantid}`) accepts
 * tokens from any tenant, so it never is.
 */
export function isSameIssuer(configured: string, discovered: unknown): boolean {
  return typeof discovered === 'string' && discovered === configured && !discovered.includes('{tenantid}');
}

/** Entra ID's addresses that let any tenant sign in, instead of the municipality's own tenant. */
export function isMultiTenantIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    const tenant = url.pathname.split('/')[1]?.toLowerCase();
    return (
      url.hostname.toLowerCase() === 'login.microsoftonline.com' &&
      ['common', 'organizations', 'consumers', '{tenantid}', '%7btenantid%7d'].includes(tenant ?? '')
    );
  } catch {
    return false;
  }
}

// Addresses inside a network or on this machine: a provider's address never names one in production.
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the app may fetch from an issuer. In production: https, never to an address literal inside a
 * network or on this machine. Elsewhere plain http is allowed to this machine too (a provider started next
 * to the app in development and tests).
 */
export function isIssuerAllowed(issuer: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (!production)
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (url.protocol !== 'https:' || url.hostname === 'localhost') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family === 0) return true;
  if (family === 6 && /^::ffff:/i.test(host)) {
    const mapped = host.slice(7);
    return isIP(mapped) === 4 ? !INTERNAL.check(mapped, 'ipv4') : !INTERNAL.check(host, 'ipv6');
  }
  return !INTERNAL.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
