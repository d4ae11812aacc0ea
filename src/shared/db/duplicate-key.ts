/**
 * A unique index refused the write. Both engines answer a duplicate insert with code 11000; FerretDB 1.x
 * answers a duplicate caused by an update with code 1 (InternalError) and SQLite's "UNIQUE constraint
 * failed" in the message, so an update's duplicate is recognised by that message as well.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: number; message?: string };
  if (code === 11000 || code === 11001) return true;
  return code === 1 && typeof message === 'string' && /duplicate key|UNIQUE constraint failed/i.test(message);
}
