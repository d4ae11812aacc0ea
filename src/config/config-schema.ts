import { ConnectionString } from 'mongodb-connection-string-url';
import { z } from 'zod';

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
      .enum(['ferretdb', 'mongod'], { message: 'must be ferretdb or mongod' })
      .default('ferretdb'),
    DATA_DIR: z.string().min(1).default('data/db'),
    FERRETDB_BIN: z.string().min(1).default('.cache/bin/ferretdb-launcher'),
    SEED_DEMO: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60000).default(8000),
    DB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(500).max(30000).default(2500),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  })
  .superRefine((config, context) => {
    // Production runs on a real MongoDB (replica set or Atlas); the embedded database is for
    // development, demos and tests on one machine.
    if (config.NODE_ENV === 'production' && !config.MONGODB_URI) {
      context.addIssue({
        code: 'custom',
        path: ['MONGODB_URI'],
        message: 'is required when NODE_ENV=production',
      });
    }
  });

export type ConfigInput = z.input<typeof configSchema>;
