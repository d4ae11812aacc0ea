import { AppError, DatabaseUnavailableError } from './app-errors.js';

// Driver and mongoose errors that mean "the database cannot be reached right now", by class name,
// because mongoose and the driver each have their own class for it.
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/** Maps any thrown value to an AppError when it is one we expect, otherwise undefined (a 500). */
export function classifyError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof Error && UNAVAILABLE_ERROR_NAMES.has(error.name)) {
    return new DatabaseUnavailableError(error.message);
  }
  if (error instanceof Error && error.message.includes('Connection operation buffering timed out')) {
    return new DatabaseUnavailableError(error.message);
  }
  // csrf-sync's error for a missing, foreign or stale token.
  if ((error as { code?: unknown } | null)?.code === 'EBADCSRFTOKEN') {
    return new AppError('CSRF', 403, 'Invalid CSRF token');
  }
  if (isBodyParserError(error)) {
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 413, 'Payload too large');
    if (error.status >= 400 && error.status < 500) return new AppError('BAD_REQUEST', 400, 'Bad request');
  }
  return undefined;
}
