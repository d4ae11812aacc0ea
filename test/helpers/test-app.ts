import type { Express } from 'express';
import { createApp, type AppDeps } from '../../src/app.js';
import { eligibilitySeam } from '../../src/components/requests/index.js';
import { provide } from '../../src/shared/wiring/index.js';
import { createLogger } from '../../src/shared/logging/logger.js';
import { testConfig } from './test-config.js';

/** The real app (every component) on the shared test database; deps may be overridden. */
export function buildTestApp(overrides: Partial<AppDeps> = {}): Express {
  return createApp({ config: testConfig(), logger: createLogger('silent'), ...overrides });
}

/** Lets every candidate through: for tests of something other than eligibility, which has tests of its own. */
export const everyoneEligible = provide(eligibilitySeam, async () => undefined);
