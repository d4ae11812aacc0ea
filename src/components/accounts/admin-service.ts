import { recordAudit } from '../../shared/audit/index.js';
import { ConflictError, ValidationError } from '../../shared/errors/index.js';
import { normaliseEmail } from './email-address.js';
import { hashPassword } from './password-hashing.js';
import { checkPassword } from './password-rules.js';
import type { RoleGrant } from './roles.js';
import { UserModel } from './user-model.js';
import { findUserByEmail, newSessionEpoch } from './user-service.js';

/** The first platform administrator, made by `npm run create-admin` (there are no default accounts). */
export async function createPlatformAdmin(input: {
  name: string;
  email: string;
  password: string;
}): Promise<string> {
  const email = normaliseEmail(input.email);
  const problem = checkPassword(input.password, { email, name: input.name });
  if (problem) throw new ValidationError({ password: `accounts.password.${problem}` });
  if (await findUserByEmail(email)) throw new ConflictError('An account with this e-mail already exists');
  const user = await UserModel.create({
    email,
    name: input.name.normalize('NFC'),
    language: 'da',
    passwordHash: await hashPassword(input.password),
    status: 'active',
    emailVerifiedAt: new Date(),
    roles: [
      { role: 'platform-admin', active: true, grantedAt: new Date(), grantedBy: 'create-admin script' },
    ],
    sessionEpoch: newSessionEpoch(),
  });
  await recordAudit({
    action: 'account.platform-admin-created',
    outcome: 'success',
    objectType: 'user',
    objectId: String(user._id),
    details: { via: 'create-admin script' },
  });
  return String(user._id);
}

/** Demo content only: an active account with the given roles, created once (idempotent by e-mail); its id. */
export async function createDemoUser(input: {
  name: string;
  email: string;
  password: string;
  roles: Omit<RoleGrant, 'grantedAt' | 'active'>[];
  phone?: string;
}): Promise<string> {
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(email);
  if (existing) return String(existing._id);
  const user = await UserModel.create({
    email,
    name: input.name,
    language: 'da',
    passwordHash: await hashPassword(input.password),
    status: 'active',
    emailVerifiedAt: new Date(),
    ...(input.phone ? { phone: input.phone } : {}),
    roles: input.roles.map((grant) => ({ ...grant, active: true, grantedAt: new Date(), grantedBy: 'demo' })),
    sessionEpoch: newSessionEpoch(),
  });
  return String(user._id);
}
