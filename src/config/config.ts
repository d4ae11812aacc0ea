import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { EmbeddedDatabaseKind } from '../shared/db/index.js';
import { configSchema } from './config-schema.js';

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicBaseUrl: string;
  mongodbUri: string | undefined;
  embeddedDb: EmbeddedDatabaseKind;
  dataDir: string;
  ferretdbBin: string;
  seedDemo: boolean;
  logLevel: string;
  shutdownTimeoutMs: number;
  dbServerSelectionTimeoutMs: number;
  trustProxy: number;
  sessionSecret: string;
  /** 32 bytes for AES-256-GCM encryption of secrets at rest (TOTP seeds). */
  dataEncryptionKey: Buffer;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  mail: { mode: 'smtp' | 'file'; smtpUrl: string | undefined; from: string; dir: string };
  /** Demo mode: demo logins printed, staff may skip the second factor; never in production. */
  demoMode: boolean;
  /** The scheduler: lease length, and for drills and tests a faster schedule and a pause per item. */
  jobs: { leaseMs: number; scheduleOverride: string | undefined; only: string[]; itemPauseMs: number };
  /** Where to append the shape of every query (an index review); unset: nothing is recorded. */
  queryShapesFile: string | undefined;
  /** How long a municipality's identity provider may take to answer one request before sign-in fails. */
  identityProviderTimeoutMs: number;
}

// Development and test only: production refuses to start without its own values (config-schema.ts).
const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-never-used-in-production';
const DEVELOPMENT_ENCRYPTION_KEY = createHash('sha256').update('brobygning-development-only-key').digest();

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(describeIssue));
  }
  const c = parsed.data;
  const root = process.cwd();
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    mongodbUri: c.MONGODB_URI,
    embeddedDb: c.EMBEDDED_DB,
    dataDir: path.resolve(root, c.DATA_DIR),
    ferretdbBin: path.resolve(root, c.FERRETDB_BIN),
    // Demo content is for trying Brobygning out; it is never seeded into production.
    seedDemo: c.NODE_ENV === 'production' ? false : (c.SEED_DEMO ?? c.NODE_ENV === 'development'),
    logLevel: c.LOG_LEVEL,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    dbServerSelectionTimeoutMs: c.DB_SERVER_SELECTION_TIMEOUT_MS,
    trustProxy: c.TRUST_PROXY,
    sessionSecret: c.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    dataEncryptionKey: c.DATA_ENCRYPTION_KEY
      ? Buffer.from(c.DATA_ENCRYPTION_KEY, 'hex')
      : DEVELOPMENT_ENCRYPTION_KEY,
    sessionIdleMs: c.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: c.SESSION_ABSOLUTE_HOURS * 3_600_000,
    mail: {
      mode: c.SMTP_URL ? 'smtp' : 'file',
      smtpUrl: c.SMTP_URL,
      from: c.MAIL_FROM,
      dir: path.resolve(root, c.MAIL_DIR),
    },
    demoMode: c.NODE_ENV === 'production' ? false : (c.DEMO_MODE ?? c.NODE_ENV === 'development'),
    jobs: {
      leaseMs: c.JOB_LEASE_SECONDS * 1000,
      scheduleOverride: c.JOB_SCHEDULE,
      only: c.JOBS_ONLY ? c.JOBS_ONLY.split(',').filter(Boolean) : [],
      itemPauseMs: c.JOB_ITEM_PAUSE_MS,
    },
    queryShapesFile: c.QUERY_SHAPES_FILE ? path.resolve(root, c.QUERY_SHAPES_FILE) : undefined,
    identityProviderTimeoutMs: c.IDENTITY_PROVIDER_TIMEOUT_MS,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || '(environment)';
  return `${variable}: ${issue.message}`;
}
