export {
  APP_DATABASE_NAME,
  connectDatabase,
  databaseNameFor,
  disconnectDatabase,
} from './mongoose-connection.js';
export { isDatabaseConnected, pingDatabase } from './database-health.js';
export { ensureIndexes, IndexSetupError } from './ensure-indexes.js';
export { startEmbeddedDatabase, EmbeddedDatabaseError } from './embedded-database.js';
export type { EmbeddedDatabase } from './embedded-database.js';
export { EMBEDDED_DATABASE_KINDS, type EmbeddedDatabaseKind } from './embedded-database-kinds.js';
export { openDatabase, type OpenDatabase } from './open-database.js';
export {
  claimNextVersion,
  writeNextVersion,
  writeClaimedVersion,
  settleWriteClaim,
  retryOnConflict,
  deleteOldWriteClaims,
  writeClaimJobs,
  WriteClaimModel,
  STRANDED_CLAIM_MS,
} from './write-claim.js';
export {
  createReadModel,
  announceWrite,
  forgetAllReadModels,
  useReadModelLogger,
  type Loaded,
} from './read-model.js';
export { READ_BOUNDS } from './read-bounds.js';
export { isDuplicateKeyError } from './duplicate-key.js';
export { databaseNow } from './database-time.js';
export { upsertThroughModel } from './upsert-through-model.js';
export { markChanged, changeToken } from './change-marker.js';
export { refuseChanges } from './append-only.js';
export { declaredCollections, declaredIndexes, indexTable } from './declared-indexes.js';
export { describeShape, servingIndexes, type IndexKeys } from './index-coverage.js';
export type { RecordedQueryShape } from './query-shape-recorder.js';
