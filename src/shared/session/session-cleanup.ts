import { trusted } from 'mongoose';
import { SessionRecordModel } from './session-record-model.js';

// trusted(): the operators below are built from server values; sanitizeFilter would neutralise them.

/** Deletes sessions whose expiry has passed (connect-mongo's own removal is off; see session-middleware.ts). */
export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const result = await SessionRecordModel.deleteMany({ expires: trusted({ $lt: now }) });
  return result.deletedCount;
}

/** Ends every stored session of a user except, optionally, the current one. */
export async function deleteSessionsOfUser(userId: string, exceptSessionId?: string): Promise<number> {
  const filter: Record<string, unknown> = { 'session.userId': userId };
  if (exceptSessionId) filter._id = trusted({ $ne: exceptSessionId });
  const result = await SessionRecordModel.deleteMany(filter);
  return result.deletedCount;
}

export async function listSessionsOfUser(userId: string, now = new Date()) {
  return SessionRecordModel.find({ 'session.userId': userId, expires: trusted({ $gt: now }) })
    .sort({ expires: -1 })
    .limit(50)
    .lean<Array<{ _id: string; expires: Date; session: { authenticatedAt?: string; userAgent?: string } }>>();
}
