import mongoose from 'mongoose';

/**
 * The database server's clock. Leases and stranded-claim takeovers compare times written by different
 * instances, so they use one clock (the database's) rather than each instance's own, which may drift.
 * `hello` reports the server's `localTime` on MongoDB and FerretDB alike.
 */
export async function databaseNow(): Promise<Date> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database is not connected');
  const reply = await db.admin().command({ hello: 1 });
  const localTime = reply.localTime as unknown;
  if (!(localTime instanceof Date)) throw new Error('The database did not report its time');
  return localTime;
}
