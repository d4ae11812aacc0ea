export const ROLES = [
  'volunteer',
  'coordinator',
  'social-worker',
  'municipal-admin',
  'platform-admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that handle children's data or administer others: they must use a second factor. */
export const STAFF_ROLES: readonly Role[] = ['social-worker', 'municipal-admin', 'platform-admin'];
/** Roles a municipal administrator may give within their own municipality. */
export const MUNICIPAL_STAFF_ROLES = ['social-worker', 'municipal-admin'] as const;
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

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function requiresSecondFactor(grants: readonly RoleGrant[]): boolean {
  return grants.some((grant) => grant.active && isStaffRole(grant.role));
}
