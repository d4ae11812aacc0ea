import { ConnectionString } from 'mongodb-connection-string-url';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logging/index.js';
import { recordQueryShapes } from './query-shape-recorder.js';

export interface ConnectOptions {
  uri: string;
  /** The database to use when the URI names none (the driver would otherwise pick `test`). */
  defaultDbName?: string;
  serverSelectionTimeoutMs: number;
  logger?: Logger;
  /** When set, the shape of every query (never its values) is appended to this file (see query-shape.ts). */
  queryShapesFile?: string;
}

// Safe-by-default query behaviour for every model, set before any model is compiled:
// user input can never smuggle operators into filters, and unknown filter keys fail loudly.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');
// Without buffering, a query during an outage fails within serverSelectionTimeoutMS
// instead of hanging for mongoose's default 10 s; the error handler turns that into a 503.
mongoose.set('bufferCommands', false);
// Indexes are created explicitly at start-up (see ensure-indexes.ts): mongoose's autoIndex
// swallows failures, and FerretDB rejects some index kinds.
mongoose.set('autoIndex', false);
mongoose.set('autoCreate', false);

/** The database the app keeps its data in, unless the connection string names its own. */
export const APP_DATABASE_NAME = 'brobygning';

let closingOnPurpose = false;

/** Connects the default mongoose connection; works unchanged for FerretDB, a replica set or Atlas. */
export async function connectDatabase(options: ConnectOptions): Promise<Connection> {
  const connection = mongoose.connection;
  closingOnPurpose = false;
  connection.on('disconnected', () => {
    if (!closingOnPurpose) options.logger?.warn('database disconnected');
  });
  connection.on('reconnected', () => options.logger?.info('database reconnected'));
  connection.on('connected', () => options.logger?.info('database connected'));
  const dbName = databaseNameFor(options.uri, options.defaultDbName ?? APP_DATABASE_NAME);
  await mongoose.connect(options.uri, {
    ...(dbName ? { dbName } : {}),
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs,
    // Notice an outage and a recovery within a couple of seconds rather than the default 10 s.
    heartbeatFrequencyMS: 1000,
    connectTimeoutMS: 5000,
    socketTimeoutMS: 30_000,
    maxPoolSize: 20,
    ...(options.queryShapesFile ? { monitorCommands: true } : {}),
  });
  if (options.queryShapesFile) recordQueryShapes(connection.getClient(), options.queryShapesFile);
  return connection;
}

/** The URI's own database name when it has one, otherwise the fallback (undefined: the driver's default). */
export function databaseNameFor(uri: string, fallback?: string): string | undefined {
  const own = decodeURIComponent(new ConnectionString(uri).pathname.replace(/^\//, ''));
  return own || fallback;
}

export async function disconnectDatabase(): Promise<void> {
  closingOnPurpose = true;
  await mongoose.disconnect();
}
