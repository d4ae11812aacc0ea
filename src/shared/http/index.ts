export { requestLogging } from './request-logging.js';
export { securityHeaders } from './security-headers.js';
export { databaseGuard } from './database-guard.js';
export { healthRoutes } from './health-routes.js';
export { errorHandler, notFoundHandler, RETRY_AFTER_SECONDS, wantsJson } from './error-handler.js';
export { safeLocalPath } from './safe-local-path.js';
export { rejectMalformedPath } from './malformed-path.js';
export { HOME_URGENCIES } from './component.js';
export type { Component, HomeActor, HomeItem, HomeItemsProvider, HomeUrgency } from './component.js';
export { csrfProtection, provideCsrfToken, csrfTokenFor } from './csrf.js';
export {
  DatabaseRateLimitStore,
  RateLimitHitModel,
  deleteExpiredRateLimitHits,
} from './database-rate-limit-store.js';
export { parseForm } from './parse-form.js';
export { pageOf, pageParam } from './paging.js';
export { flash, exposeFlash } from './flash.js';
export {
  defineRoute,
  isObjectIdShape,
  listRoutes,
  type AttemptedAccess,
  type AuditedObject,
  type RouteEntry,
} from './route-table.js';
export { rateLimitJobs } from './rate-limit-jobs.js';
export {
  emptySchema,
  requiredEmail,
  optionalEmail,
  optionalPhone,
  optionalText,
  writtenText,
  identifierText,
  normaliseTags,
  tagListField,
} from './form-fields.js';
export { hasHiddenCharacters, withoutHiddenCharacters } from './text-characters.js';
export { calendarDate, optionalCalendarDate, isCalendarDate } from './date-fields.js';
