import path from 'node:path';
import { MongoClient } from 'mongodb';

/** The launcher the tests start their own embedded databases with. */
export const FERRETDB_BIN = path.resolve('.cache/bin/ferretdb-launcher');

/** Runs `work` with a client of its own on `uri`, closed afterwards whatever happens. */
export async function withClient<T>(uri: string, work: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 3000 });
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.close();
  }
}
