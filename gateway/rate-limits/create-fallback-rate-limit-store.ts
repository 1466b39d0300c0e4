import { createCircuitBreaker } from '../../subgraphs/kit/create-circuit-breaker';
import type { Logger } from '../../subgraphs/kit/logger';
import type { RateLimitStore } from './rate-limit-store';
import { RateLimitStoreError } from './rate-limit-store-error';

export interface FallbackRateLimitStoreOptions {
  /** The store every gateway shares (Redis). */
  shared: RateLimitStore;
  /** Counts in this process while `shared` does not answer. */
  local: RateLimitStore;
  /**
   * After a failed call, how long every check goes to `local` before `shared` is tried again
   * (by one request; the others stay local until it answers), so a hung Redis costs one
   * timeout per period rather than one per request.
   * @default DEFAULT_REDIS_RETRY_MS (1000)
   */
  retryMs?: number;
  /** @default Date.now */
  now?: () => number;
  logger: Logger;
}

export const DEFAULT_REDIS_RETRY_MS = 1000;

/**
 * A Redis store that does not stop the graph: while Redis does not answer (down, unreachable,
 * too slow), each gateway counts in its own memory, so every caller keeps a budget per gateway
 * process (with N gateways, up to N times the configured one) and nobody is refused for the
 * outage itself. The outage is logged once when it starts and once when Redis answers again;
 * `getStatus().fallback` is true meanwhile. Budgets do not move between the two: after a switch a
 * caller starts with a full budget on the other side.
 */
export function createFallbackRateLimitStore(
  options: FallbackRateLimitStoreOptions,
): RateLimitStore {
  const { shared, local, logger } = options;
  const breaker = createCircuitBreaker({
    failureThreshold: 1,
    resetMs: options.retryMs ?? DEFAULT_REDIS_RETRY_MS,
    now: options.now,
  });
  let fallback = false;

  return {
    async take(key, limit) {
      if (breaker.tryAcquire()) {
        try {
          const decision = await shared.take(key, limit);
          breaker.recordSuccess();
          if (fallback) {
            fallback = false;
            logger.info('rate limit store answers again: counting shared');
          }
          return decision;
        } catch (error) {
          breaker.recordFailure();
          if (!fallback) {
            fallback = true;
            logger.warn(
              { reason: error instanceof RateLimitStoreError ? error.reason : 'error' },
              'rate limit store does not answer: counting in this process until it does',
            );
          }
        }
      }
      return local.take(key, limit);
    },
    getStatus: () => ({ ...shared.getStatus(), fallback }),
    async close() {
      await Promise.all([shared.close(), local.close()]);
    },
  };
}
