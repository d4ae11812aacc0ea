import type { Model } from 'mongoose';
import type { AppConfig } from '../../config/index.js';
import type { Logger } from '../logging/index.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';
import { ensureIndexes } from './ensure-indexes.js';
import { connectDatabase, disconnectDatabase } from './mongoose-connection.js';

export interface OpenDatabase {
  /** Present when we started the database ourselves (no MONGODB_URI). */
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/**
 * MONGODB_URI when set, otherwise the embedded database; then connect and create indexes.
 * Used by the server and by every script, so they all reach the same data the same way.
 */
export async function openDatabase(
  config: AppConfig,
  models: ReadonlyArray<Model<never>>,
  logger: Logger,
): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  if (!config.mongodbUri) {
    logger.info({ kind: config.embeddedDb, dataDir: config.dataDir }, 'starting embedded database');
    embedded = await startEmbeddedDatabase({
      kind: config.embeddedDb,
      dataDir: config.dataDir,
      ferretdbBin: config.ferretdbBin,
      logger,
    });
  }
  const close = async () => {
    await disconnectDatabase().catch((error: unknown) => logger.warn({ err: error }, 'disconnect failed'));
    await embedded?.stop();
  };
  try {
    await connectDatabase({
      uri: config.mongodbUri ?? embedded!.uri,
      serverSelectionTimeoutMs: config.dbServerSelectionTimeoutMs,
      logger,
      queryShapesFile: config.queryShapesFile,
    });
    await ensureIndexes(models);
  } catch (error) {
    await close();
    throw error;
  }
  return { embedded, close };
}
