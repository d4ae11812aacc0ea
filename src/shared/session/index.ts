export { sessionMiddleware, sessionCookieName, saveSessionBeforeRedirect } from './session-middleware.js';
export { deleteExpiredSessions, deleteSessionsOfUser, listSessionsOfUser } from './session-cleanup.js';
export { SessionRecordModel } from './session-record-model.js';
export { sessionJobs } from './session-jobs.js';
