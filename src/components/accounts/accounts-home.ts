import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { OneTimeTokenModel } from './one-time-token-model.js';
import { can } from './policy.js';
import { MUNICIPAL_STAFF_ROLES, type Actor } from './roles.js';
import { UserModel } from './user-model.js';

/** A municipal administrator's staff invitations that nobody has answered yet and that still work. */
export async function accountsHomeItems(homeActor: HomeActor, now = new Date()): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  const code = actor.municipalityCode;
  if (!code || !can(actor, 'staff:manage', { municipalityCode: code })) return [];
  const invitations = await OneTimeTokenModel.find(
    { purpose: 'invitation', 'invitation.municipalityCode': code },
    { invitation: 1, usedAt: 1, expiresAt: 1 },
  )
    .limit(2000)
    .lean();
  const count = invitations.filter(
    (token) =>
      !token.usedAt &&
      token.expiresAt > now &&
      (MUNICIPAL_STAFF_ROLES as readonly string[]).includes(token.invitation?.role ?? ''),
  ).length;
  return [{ labelKey: 'home.accounts.invitationsPending', count, href: '/kommune/medarbejdere' }];
}

/** The municipalities (codes) where someone holds an active municipal administrator grant. */
export async function municipalitiesWithAdministrator(): Promise<Set<string>> {
  const users = await UserModel.find({ 'roles.role': 'municipal-admin' }, { roles: 1, status: 1 })
    .limit(5000)
    .lean();
  return new Set(
    users
      .filter((user) => user.status === 'active')
      .flatMap((user) => user.roles)
      .filter((grant) => grant.role === 'municipal-admin' && grant.active && grant.municipalityCode)
      .map((grant) => grant.municipalityCode!),
  );
}
