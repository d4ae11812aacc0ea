import { announceInvitationAccepted } from './account-events.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors/index.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { sendAccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import { consumeToken, issueToken, peekToken, TOKEN_LIFETIME_MS } from './one-time-token-service.js';
import { hashPassword } from './password-hashing.js';
import { checkPassword } from './password-rules.js';
import { can } from './policy.js';
import type { RequestContext } from './request-context.js';
import { MUNICIPAL_STAFF_ROLES, type Actor, type Role } from './roles.js';
import { changeRoleGrants } from './role-grant-service.js';
import { UserModel } from './user-model.js';
import { findUserByEmail, newSessionEpoch } from './user-service.js';

export interface InvitationInput {
  email: string;
  role: Role;
  municipalityCode?: string;
  organisationId?: string;
  /** Shown in the e-mail: "… invites you to be a social worker in Jammerbugt". */
  placeName: string;
}

/**
 * Who may invite whom: a municipal administrator invites staff to their own municipality, a platform
 * administrator a municipality's administrator, a coordinator members and fellow coordinators to their
 * own organisation. Everything else is "not found".
 */
function mayInvite(actor: Actor, input: InvitationInput): boolean {
  if (actor.role === 'municipal-admin') {
    return (
      (MUNICIPAL_STAFF_ROLES as readonly Role[]).includes(input.role) &&
      Boolean(input.municipalityCode) &&
      can(actor, 'staff:manage', { municipalityCode: input.municipalityCode })
    );
  }
  if (actor.role === 'platform-admin') {
    return (
      input.role === 'municipal-admin' && Boolean(input.municipalityCode) && can(actor, 'platform:manage')
    );
  }
  if (actor.role === 'coordinator') {
    return (
      (input.role === 'volunteer' || input.role === 'coordinator') &&
      Boolean(input.organisationId) &&
      can(actor, 'members:invite', { organisationId: input.organisationId })
    );
  }
  return false;
}

/** Invites someone to a role in a tenant the actor administers. The grant is created when they accept. */
export async function invite(
  actor: Actor & { name: string },
  input: InvitationInput,
  context: RequestContext,
): Promise<void> {
  if (!mayInvite(actor, input)) throw new NotFoundError();
  const email = normaliseEmail(input.email);
  const token = await issueToken('invitation', {
    email,
    invitation: {
      role: input.role,
      municipalityCode: input.municipalityCode,
      organisationId: input.organisationId,
      invitedBy: actor.userId,
      inviterName: actor.name,
    },
  });
  const existing = await findUserByEmail(email);
  const language = existing?.language === 'en' ? 'en' : context.language;
  await sendAccountMail({
    to: email,
    template: 'invitation',
    language,
    data: {
      inviterName: actor.name,
      roleLabel: translatorFor(language)(`accounts.roles.${input.role}`),
      placeName: input.placeName,
      link: `${context.baseUrl}/invitation/${token}`,
      expiresInDays: String(TOKEN_LIFETIME_MS.invitation / 86_400_000),
    },
  });
  await recordAudit(
    {
      action: 'invitation.sent',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode: input.municipalityCode,
      objectType: 'invitation',
      details: { role: input.role, organisationId: input.organisationId },
    },
    context.origin,
  );
}

export interface InvitationView {
  email: string;
  role: Role;
  municipalityCode?: string;
  inviterName?: string;
  accountExists: boolean;
}

export async function describeInvitation(token: string): Promise<InvitationView | undefined> {
  const record = await peekToken(token, 'invitation');
  if (!record?.invitation?.role) return undefined;
  return {
    email: record.email,
    role: record.invitation.role as Role,
    municipalityCode: record.invitation.municipalityCode ?? undefined,
    inviterName: record.invitation.inviterName ?? undefined,
    accountExists: Boolean(await findUserByEmail(record.email)),
  };
}

export type AcceptResult =
  | { outcome: 'created' | 'granted'; userId: string }
  | { outcome: 'invalid-link' }
  | { outcome: 'log-in-first' };

/**
 * Accepts an invitation. A new person sets name and password (the link proves the address); someone who
 * already has an account must be logged in as that account, and gets the role added.
 */
export async function acceptInvitation(
  token: string,
  currentUserId: string | undefined,
  newAccount: { name: string; password: string } | undefined,
  context: RequestContext,
): Promise<AcceptResult> {
  const peeked = await peekToken(token, 'invitation');
  if (!peeked?.invitation?.role) return { outcome: 'invalid-link' };
  const existing = await findUserByEmail(peeked.email);
  if (existing && String(existing._id) !== currentUserId) return { outcome: 'log-in-first' };
  if (!existing) {
    if (!newAccount) throw new ValidationError({ name: 'forms.errors.required' });
    const problem = checkPassword(newAccount.password, { email: peeked.email, name: newAccount.name });
    if (problem) throw new ValidationError({ password: `accounts.password.${problem}` });
  }
  const record = await consumeToken(token, 'invitation');
  if (!record?.invitation?.role) return { outcome: 'invalid-link' };
  const grant = {
    role: record.invitation.role,
    municipalityCode: record.invitation.municipalityCode ?? undefined,
    organisationId: record.invitation.organisationId ?? undefined,
    active: true,
    grantedAt: new Date(),
    grantedBy: record.invitation.invitedBy ?? undefined,
  };

  let userId: string;
  if (existing) {
    userId = String(existing._id);
    await changeRoleGrants(
      userId,
      (roles) => [
        ...roles.filter(
          (r) =>
            !(
              r.role === grant.role &&
              r.municipalityCode === grant.municipalityCode &&
              r.organisationId === grant.organisationId
            ),
        ),
        grant,
      ],
      { endSessions: true },
    );
  } else {
    const created = await UserModel.create({
      email: peeked.email,
      name: newAccount!.name,
      language: context.language,
      passwordHash: await hashPassword(newAccount!.password),
      status: 'active',
      emailVerifiedAt: new Date(),
      roles: [grant],
      sessionEpoch: newSessionEpoch(),
    });
    userId = String(created._id);
  }
  await announceInvitationAccepted({
    userId,
    role: grant.role as Role,
    organisationId: grant.organisationId,
    municipalityCode: grant.municipalityCode,
    invitedBy: grant.grantedBy,
  });
  await recordAudit(
    {
      action: 'invitation.accepted',
      outcome: 'success',
      actorId: userId,
      actorRole: grant.role,
      municipalityCode: grant.municipalityCode,
      objectType: 'user',
      objectId: userId,
      details: { role: grant.role, invitedBy: grant.grantedBy },
    },
    context.origin,
  );
  return { outcome: existing ? 'granted' : 'created', userId };
}
