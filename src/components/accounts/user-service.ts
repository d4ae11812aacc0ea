import { randomUUID } from 'node:crypto';
// trusted(): the operator is built here from checked ids; sanitizeFilter would neutralise it.
import { trusted } from 'mongoose';
import { UserModel } from './user-model.js';
import type { SessionUser } from './actor.js';
import type { RoleGrant } from './roles.js';

export function newSessionEpoch(): string {
  return randomUUID();
}

export async function findUserByEmail(email: string) {
  return UserModel.findOne({ email }).lean();
}

export async function findUserById(id: string) {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  return (await UserModel.findById(id).lean()) ?? undefined;
}

type StoredUser = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export function toSessionUser(user: StoredUser): SessionUser {
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    language: user.language === 'en' ? 'en' : 'da',
    grants: (user.roles ?? []).map((grant) => ({
      role: grant.role,
      municipalityCode: grant.municipalityCode ?? undefined,
      organisationId: grant.organisationId ?? undefined,
      active: grant.active,
      grantedAt: grant.grantedAt,
      grantedBy: grant.grantedBy ?? undefined,
    })) as RoleGrant[],
    hasTotp: Boolean(user.totp?.enabledAt),
    sessionEpoch: user.sessionEpoch,
  };
}

/** The user for a session, or undefined when the account is gone, disabled or its sessions were ended. */
export async function loadSessionUser(id: string, epoch: string): Promise<SessionUser | undefined> {
  const user = await findUserById(id);
  if (!user || user.status !== 'active' || user.sessionEpoch !== epoch) return undefined;
  return toSessionUser(user);
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  language: 'da' | 'en';
  active: boolean;
}

/** Names and addresses of the given people (for member lists and notifications); unknown ids are left out. */
export async function describePeople(ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  const valid = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  if (valid.length === 0) return new Map();
  const fields = { name: 1, email: 1, language: 1, status: 1 };
  // A few people are read one by one: FerretDB 1.24 pushes down only `{_id: value}` (≈2 ms each), while
  // any `$in` decodes the whole users collection. On MongoDB both are index reads.
  const users =
    valid.length <= 25
      ? (await Promise.all(valid.map((id) => UserModel.findById(id, fields).lean()))).filter(
          (user) => user !== null,
        )
      : await UserModel.find({ _id: trusted({ $in: valid }) }, fields).lean();
  return new Map(
    users.map((user) => [
      String(user._id),
      {
        id: String(user._id),
        name: user.name,
        email: user.email,
        language: user.language === 'en' ? 'en' : 'da',
        active: user.status === 'active',
      },
    ]),
  );
}
