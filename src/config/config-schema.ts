import { ConnectionString } from 'mongodb-connection-string-url';
import cron from 'node-cron';
import { z } from 'zod';
import { EMBEDDED_DATABASE_KINDS } from '../shared/db/index.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

function isParsableMongoUri(value: string): boolean {
  try {
    new ConnectionString(value);
    return true;
  } catch {
    return false;
  }
}

const PRODUCTION_REQUIRED = [
  'MONGODB_URI',
  'SESSION_SECRET',
  'DATA_ENCRYPTION_KEY',
  'SMTP_URL',
  'PUBLIC_BASE_URL',
] as const;

// Every variable Brobygning reads from the environment. A bad value stops start-up naming the variable.
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ message: 'must be a whole number from 0 to 65535' })
      .int('must be a whole number from 0 to 65535')
      .min(0, 'must be a whole number from 0 to 65535')
      .max(65535, 'must be a whole number from 0 to 65535')
      .default(3000),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    MONGODB_URI: z
      .string()
      .refine(isParsableMongoUri, 'must be a mongodb:// or mongodb+srv:// connection string')
      .optional(),
    EMBEDDED_DB: z
      .enum(EMBEDDED_DATABASE_KINDS, {
        message: 'must be ferretdb-sqlite (or ferretdb), ferretdb-postgres or mongod',
      })
      .default('ferretdb'),
    DATA_DIR: z.string().min(1).default('data/db'),
    FERRETDB_BIN: z.string().min(1).default('.cache/bin/ferretdb-launcher'),
    SEED_DEMO: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60000).default(8000),
    DB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(500).max(30000).default(2500),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DATA_ENCRYPTION_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 random bytes)')
      .optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/^[^\r\n]+$/, 'must be one line')
      .default('Brobygning <no-reply@brobygning.localhost>'),
    MAIL_DIR: z.string().min(1).default('data/mail'),
    DEMO_MODE: booleanFlag.optional(),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    JOB_SCHEDULE: z
      .string()
      .refine((value) => cron.validate(value), 'must be a cron expression')
      .optional(),
    JOBS_ONLY: z
      .string()
      .regex(/^[a-z0-9:,-]+$/, 'must be job names separated by commas')
      .optional(),
    JOB_ITEM_PAUSE_MS: z.coerce.number().int().min(0).max(60000).default(0),
    QUERY_SHAPES_FILE: z.string().min(1).optional(),
    IDENTITY_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(5000),
  })
  .superRefine((config, context) => {
    if (config.NODE_ENV !== 'production') return;
    // Production runs on a real MongoDB (replica set or Atlas) with its own secrets and mail server;
    // the embedded database, built-in development secrets and mail-to-file are for one machine only.
    for (const variable of PRODUCTION_REQUIRED) {
      if (!config[variable]) {
        context.addIssue({
          code: 'custom',
          path: [variable],
          message: 'is required when NODE_ENV=production',
        });
      }
    }
    if (config.JOB_ITEM_PAUSE_MS > 0) {
      context.addIssue({
        code: 'custom',
        path: ['JOB_ITEM_PAUSE_MS'],
        message: 'is for failover drills and cannot be set when NODE_ENV=production',
      });
    }
    if (config.DEMO_MODE) {
      context.addIssue({
        code: 'custom',
        path: ['DEMO_MODE'],
        message: 'cannot be on when NODE_ENV=production',
      });
    }
  });
