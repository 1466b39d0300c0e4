import type { RateLimit, RateLimitDecision } from './rate-limit';

/** How a store counts right now, for metrics. */
export interface RateLimitStoreStatus {
  /** `redis`: shared by every gateway on the same Redis; `memory`: this process only. */
  store: 'redis' | 'memory';
  /** True while a Redis store does not answer and this process counts on its own. */
  fallback: boolean;
  /** Redis calls that failed or timed out since start. */
  failures: number;
}

/** Where the request budgets are kept: in this process, or in Redis for several gateways. */
export interface RateLimitStore {
  /** Takes one request from `key`'s budget under `limit` if it has room; a refusal costs none. */
  take(key: string, limit: RateLimit): Promise<RateLimitDecision>;
  getStatus(): RateLimitStoreStatus;
  /** Closes the connection, if any. */
  close(): Promise<void>;
}
