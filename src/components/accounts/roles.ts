export const ROLES = [
  'volunteer',
  'coordinator',
  'social-worker',
  'leader',
  'municipal-admin',
  'platform-admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that handle children's data, see a municipality's casework (the read-only leader) or administer
 * others: they must use a second factor.
 */
const STAFF_ROLES: readonly Role[] = ['social-worker', 'leader', 'municipal-admin', 'platform-admin'];
/**
 * Roles a municipal administrator may give within their own municipality. The leader reads the
 * municipality's report and the team's caseload, and changes nothing.
 */
export const MUNICIPAL_STAFF_ROLES = ['social-worker', 'leader', 'municipal-admin'] as const;
export type MunicipalStaffRole = (typeof MUNICIPAL_STAFF_ROLES)[number];

export interface RoleGrant {
  role: Role;
  municipalityCode?: string;
  organisationId?: string;
  active: boolean;
  grantedAt: Date;
  grantedBy?: string;
}

/** Who is acting: the user and the one role (with its tenant) they are acting in right now. */
export interface Actor {
  userId: string;
  role: Role;
  municipalityCode?: string;
  organisationId?: string;
}

function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function requiresSecondFactor(grants: readonly RoleGrant[]): boolean {
  return grants.some((grant) => grant.active && isStaffRole(grant.role));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
