import mongoose from 'mongoose';
import { forgetAllReadModels } from '../../src/shared/db/index.js';

/** Registers a beforeEach that empties every collection (and the read models), so each test builds its own data. */
export function useTestDatabase(): void {
  beforeEach(async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error('The test database is not connected (see test/helpers/global-fixture.ts).');
    const collections = await db.collections();
    await Promise.all(collections.map((collection) => collection.deleteMany({})));
    // What a read model kept from the previous case is not in this case's database.
    forgetAllReadModels();
  });
}
