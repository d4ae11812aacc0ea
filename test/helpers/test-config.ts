import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config/index.js';

/** Configuration for in-process tests: test mode, no demo seeding, quiet. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const mail = process.env.TEST_SMTP_URL ? { SMTP_URL: process.env.TEST_SMTP_URL } : {};
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    MAIL_DIR: path.join(os.tmpdir(), 'brobygning-test-mail'),
    ...mail,
    ...overrides,
  });
}
