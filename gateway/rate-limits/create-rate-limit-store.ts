import type { Logger } from '../../subgraphs/kit/logger';
import { createFallbackRateLimitStore } from './create-fallback-rate-limit-store';
import { createMemoryRateLimitStore } from './create-memory-rate-limit-store';
import { createRedisRateLimitStore } from './create-redis-rate-limit-store';
import type { RateLimitStore } from './rate-limit-store';

/** Where the gateway keeps its rate limit budgets (REDIS_URL, RATE_LIMIT_REDIS_*). */
export interface RateLimitStoreConfig {
  /** Unset: this process alone counts, in memory (one gateway). Secret: may carry a password. */
  redisUrl: string | null;
  /** A Redis call slower than this counts as failed. */
  redisTimeoutMs: number;
  /** After a failure, how long this process counts alone before Redis is tried again. */
  redisRetryMs: number;
}

/**
 * In memory for one gateway alone; in Redis, shared by every gateway on it, when `redisUrl` is
 * set, falling back to memory while Redis does not answer. Connects at once (in the background:
 * a Redis that is down does not delay the start).
 */
export function createRateLimitStore(
  config: RateLimitStoreConfig,
  logger: Logger,
  now: () => number = Date.now,
): RateLimitStore {
  const local = createMemoryRateLimitStore({ now });
  if (config.redisUrl === null) return local;
  return createFallbackRateLimitStore({
    shared: createRedisRateLimitStore({
      url: config.redisUrl,
      timeoutMs: config.redisTimeoutMs,
      now,
      logger,
    }),
    local,
    retryMs: config.redisRetryMs,
    now,
    logger,
  });
}
