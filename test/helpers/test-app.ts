import type { Express } from 'express';
import { createApp, type AppDeps } from '../../src/app.js';
import { createLogger } from '../../src/shared/logging/logger.js';
import { testConfig } from './test-config.js';

/** The real app (every component) on the shared test database; deps may be overridden. */
export function buildTestApp(overrides: Partial<AppDeps> = {}): Express {
  return createApp({ config: testConfig(), logger: createLogger('silent'), ...overrides });
}
