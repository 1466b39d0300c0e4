/**
 * Deliberate errors: each has a stable `code` that clients may rely on and a message that is safe
 * to show. Anything else that escapes a resolver is masked as INTERNAL_SERVER_ERROR.
 */
export class DomainError extends Error {
  readonly code: string;
  /** HTTP status used when the error ends a whole request (not a single field). */
  readonly status: number;
  /** Extra machine-readable details that are safe to show (e.g. the offending field). */
  readonly details: Record<string, string | number>;

  constructor(
    code: string,
    message: string,
    options: { status?: number; details?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 400;
    this.details = options.details ?? {};
  }
}

/** Input that fails validation; `field` names the argument or input field at fault. */
export class BadUserInputError extends DomainError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, { status: 400, details: field ? { field } : {} });
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, { status: 404 });
  }
}

/** The caller based a change on a version that is no longer current. */
export class VersionConflictError extends DomainError {
  constructor(message: string, details: { expectedVersion: number; currentVersion: number }) {
    super('VERSION_CONFLICT', message, { status: 409, details });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not authorised') {
    super('FORBIDDEN', message, { status: 403 });
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
