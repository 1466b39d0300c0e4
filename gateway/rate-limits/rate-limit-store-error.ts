/** Why a Redis call of the rate limiter gave no answer. */
export type RateLimitStoreFailure = 'not_connected' | 'timeout' | 'error' | 'bad_reply';

/**
 * A Redis store could not decide; the caller then counts in process memory. Internal only: it
 * never reaches a client, and it carries no driver message (those may quote the server address).
 */
export class RateLimitStoreError extends Error {
  readonly code = 'RATE_LIMIT_STORE_UNAVAILABLE';
  readonly reason: RateLimitStoreFailure;

  constructor(reason: RateLimitStoreFailure, options: { cause?: unknown } = {}) {
    super(`Rate limit store unavailable (${reason})`, options);
    this.name = 'RateLimitStoreError';
    this.reason = reason;
  }
}
