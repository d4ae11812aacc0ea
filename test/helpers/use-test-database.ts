import mongoose from 'mongoose';
import { forgetAllReadModels } from '../../src/shared/db/index.js';

/** Empties every collection (and the read models). */
export async function clearTestDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The test database is not connected (see test/helpers/global-fixture.ts).');
  const collections = await db.collections();
  await Promise.all(collections.map((collection) => collection.deleteMany({})));
  // What a read model kept from the previous case is not in this case's database.
  forgetAllReadModels();
}

/** Registers a beforeEach that empties the database, so each test builds its own data. */
export function useTestDatabase(): void {
  beforeEach(clearTestDatabase);
}
