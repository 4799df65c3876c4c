/**
 * Typed domain errors. One handler (http-errors.ts) turns them into the one API error shape
 * { code, message, details } with Chinese messages and field paths.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Also used for records outside the user's division: they must not learn that it exists. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  constructor(what: string) {
    super(`${what}不存在或无权访问`);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'VALIDATION';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** Too much at once (e.g. imports running): try again later. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly code = 'TOO_MANY_REQUESTS';
}

/** After an administrator's reset: the web shows the change-password form on this code. */
export class PasswordChangeRequiredError extends DomainError {
  readonly status = 403;
  readonly code = 'PASSWORD_CHANGE_REQUIRED';
  constructor() {
    super('管理员已重置您的密码，请先修改密码');
  }
}
