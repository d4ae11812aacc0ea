/**
 * The databases the app can start itself when MONGODB_URI is unset (EMBEDDED_DB):
 * ferretdb-sqlite: FerretDB on SQLite files in DATA_DIR (`ferretdb` is its older name, kept working);
 * ferretdb-postgres: FerretDB on a private PostgreSQL cluster in DATA_DIR/pg;
 * mongod: a mongod on PATH. Each keeps its own files: data does not carry over between them.
 */
export const EMBEDDED_DATABASE_KINDS = [
  'ferretdb',
  'ferretdb-sqlite',
  'ferretdb-postgres',
  'mongod',
] as const;
export type EmbeddedDatabaseKind = (typeof EMBEDDED_DATABASE_KINDS)[number];
