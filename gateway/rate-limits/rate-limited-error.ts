import { DomainError } from '../../subgraphs/kit/domain-error';

/** Which budget refused a request. */
export type RateLimitScope = 'caller' | 'address';

/** A request over its budget: HTTP 429, with `Retry-After` set to `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(scope: RateLimitScope, retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many requests: try again later', {
      status: 429,
      details: { scope, retryAfterSeconds },
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
