import mongoose from 'mongoose';

/** Registers a beforeEach that empties every collection, so each test builds its own data. */
export function useTestDatabase(): void {
  beforeEach(async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error('The test database is not connected (see test/helpers/global-fixture.ts).');
    const collections = await db.collections();
    await Promise.all(collections.map((collection) => collection.deleteMany({})));
  });
}
