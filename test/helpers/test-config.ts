import { loadConfig, type AppConfig } from '../../src/config/index.js';

/** Configuration for in-process tests: test mode, no demo seeding, quiet. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...overrides });
}
