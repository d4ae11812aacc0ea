export { requestLogging } from './request-logging.js';
export { securityHeaders } from './security-headers.js';
export { databaseGuard } from './database-guard.js';
export { healthRoutes, type HealthChecks } from './health-routes.js';
export { errorHandler, notFoundHandler, RETRY_AFTER_SECONDS } from './error-handler.js';
export { safeLocalPath } from './safe-local-path.js';
export type { Component } from './component.js';
