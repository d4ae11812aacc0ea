import { recordAudit } from '../../shared/audit/index.js';
import { deleteSessionsOfUser, listSessionsOfUser } from '../../shared/session/index.js';
import type { RequestContext } from './request-context.js';
import { UserModel } from './user-model.js';
import { newSessionEpoch } from './user-service.js';

export interface SessionSummary {
  current: boolean;
  startedAt?: Date;
  expiresAt: Date;
  device?: string;
}

export async function listMySessions(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
  const sessions = await listSessionsOfUser(userId);
  return sessions.map((record) => ({
    current: record._id === currentSessionId,
    startedAt: record.session.authenticatedAt ? new Date(record.session.authenticatedAt) : undefined,
    expiresAt: record.expires,
    device: record.session.userAgent,
  }));
}

/** "Log out everywhere": every other session ends now; the current one continues with the new epoch. */
export async function logOutEverywhereElse(
  userId: string,
  currentSessionId: string,
  context: RequestContext,
): Promise<string> {
  const sessionEpoch = newSessionEpoch();
  await UserModel.updateOne({ _id: userId }, { $set: { sessionEpoch } });
  const ended = await deleteSessionsOfUser(userId, currentSessionId);
  await recordAudit(
    {
      action: 'sessions.ended-elsewhere',
      outcome: 'success',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
      details: { ended },
    },
    context.origin,
  );
  return sessionEpoch;
}

export interface ProfileInput {
  name: string;
  phone?: string;
  language: 'da' | 'en';
}

/** Saves the profile; a form that does not ask for the phone leaves the stored one as it is. */
export async function updateProfile(
  userId: string,
  input: ProfileInput,
  context: RequestContext,
  options: { phoneAsked?: boolean } = {},
): Promise<void> {
  const nameAndLanguage = { name: input.name, language: input.language };
  await UserModel.updateOne(
    { _id: userId },
    options.phoneAsked === false
      ? { $set: nameAndLanguage }
      : input.phone
        ? { $set: { ...nameAndLanguage, phone: input.phone } }
        : { $set: nameAndLanguage, $unset: { phone: 1 } },
  );
  await recordAudit(
    {
      action: 'account.profile-updated',
      outcome: 'success',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
    },
    context.origin,
  );
}
