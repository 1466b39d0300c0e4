/**
 * One budget: `ratePerSecond` requests per second on average, of which up to `burst` may come at
 * once. A key that has been quiet long enough has its whole burst again.
 */
export interface RateLimit {
  /** Greater than 0; fractions allowed (0.5 is one request every 2 s). */
  ratePerSecond: number;
  /** At least 1. */
  burst: number;
}

/** What a store answers for one request. */
export interface RateLimitDecision {
  allowed: boolean;
  /** For a refused request: milliseconds until the same request would be let through; else 0. */
  retryAfterMs: number;
}
