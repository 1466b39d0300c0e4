import { DomainError } from '../../domain-error';

/** The key was used before, by the same caller, for a different request: nothing is written. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different request; use a new key for a new request',
      { status: 422 },
    );
  }
}

/** The first request with this key is still being answered: retry once it has been. */
export class IdempotencyKeyInUseError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still under way', {
      status: 409,
    });
  }
}

/** An Idempotency-Key header that is not 1–255 visible ASCII characters. */
export class InvalidIdempotencyKeyError extends DomainError {
  constructor() {
    super('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
      status: 400,
      details: { field: 'Idempotency-Key' },
    });
  }
}
