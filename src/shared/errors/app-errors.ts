/**
 * Errors with a stable `code` that the central handler turns into the right page or JSON.
 * Match on `code`, never on message text.
 */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'DB_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'CSRF'
  | 'RATE_LIMITED';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super('NOT_FOUND', 404, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Forbidden') {
    super('FORBIDDEN', 403, message);
  }
}

export class ConflictError extends AppError {
  constructor(message = 'Conflict') {
    super('CONFLICT', 409, message);
  }
}

export class BadRequestError extends AppError {
  constructor(message = 'Bad request') {
    super('BAD_REQUEST', 400, message);
  }
}

/** Field-level messages (catalog keys) for a form or JSON body that failed validation. */
export class ValidationError extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('VALIDATION', 400, 'Validation failed');
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'Database unavailable') {
    super('DB_UNAVAILABLE', 503, message);
  }
}
