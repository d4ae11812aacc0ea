import type { RequestHandler } from 'express';
import { DatabaseUnavailableError } from '../errors/index.js';

/**
 * Answers 503 at once while the driver reports no connection, instead of letting each page
 * wait for a server-selection timeout. Health probes and static files pass through.
 */
export function databaseGuard(isConnected: () => boolean): RequestHandler {
  return (_req, _res, next) => {
    next(isConnected() ? undefined : new DatabaseUnavailableError());
  };
}
