import type { Actor, RoleGrant } from './roles.js';

/** The logged-in user as the rest of the app sees it (req.user): no secrets, plain data. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  language: 'da' | 'en';
  grants: RoleGrant[];
  hasTotp: boolean;
  sessionEpoch: string;
}

export function activeGrants(user: Pick<SessionUser, 'grants'>): RoleGrant[] {
  return user.grants.filter((grant) => grant.active);
}

/** The actor for the grant chosen in the session (the first one when none or an invalid one is chosen). */
export function actorFor(user: SessionUser, chosenGrant: number | undefined): Actor | undefined {
  const grants = activeGrants(user);
  const grant = grants[chosenGrant ?? 0] ?? grants[0];
  if (!grant) return undefined;
  return {
    userId: user.id,
    role: grant.role,
    municipalityCode: grant.municipalityCode,
    organisationId: grant.organisationId,
  };
}
