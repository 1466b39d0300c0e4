import { createClient, ErrorReply } from '@redis/client';
import type { Logger } from '../../subgraphs/kit/logger';
import type { RateLimit, RateLimitDecision } from './rate-limit';
import type { RateLimitStore } from './rate-limit-store';
import { RateLimitStoreError } from './rate-limit-store-error';
import { GCRA_SCRIPT, GCRA_SCRIPT_SHA1 } from './redis-rate-limit-script';

export interface RedisRateLimitStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (secret: may carry a password). */
  url: string;
  /** Every key the store writes starts with it. @default 'kommunegraf:rate:' */
  keyPrefix?: string;
  /**
   * How long one call may take before it counts as failed (Redis is on the request path).
   * @default DEFAULT_REDIS_TIMEOUT_MS (100)
   */
  timeoutMs?: number;
  /** The clock the budgets are computed with; every gateway on one Redis should agree (NTP). */
  now?: () => number;
  logger: Logger;
}

export const DEFAULT_REDIS_TIMEOUT_MS = 100;

/**
 * How much longer than its budget needs a key is kept: gateways' clocks a little apart, or a
 * pause between two calls, must not make a key vanish while it still holds back a caller. A key
 * kept longer does no harm (a theoretical arrival time in the past counts as now).
 */
const KEY_SLACK_MS = 60_000;
/** Commands waiting at most; a hung server makes further calls fail at once. */
const MAX_QUEUED_COMMANDS = 1000;
/** How long close() waits for pending replies before it drops the connection. */
const CLOSE_TIMEOUT_MS = 1000;

function formatMs(value: number): string {
  return value.toFixed(3);
}

function parseReply(reply: unknown): RateLimitDecision {
  if (Array.isArray(reply) && reply.length === 2) {
    const [allowed, retryAfter] = reply as unknown[];
    const retryAfterMs = Number(retryAfter);
    if ((allowed === 0 || allowed === 1) && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
      return { allowed: allowed === 1, retryAfterMs };
    }
  }
  throw new RateLimitStoreError('bad_reply');
}

/** Settles like `promise`, or rejects with a timeout after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RateLimitStoreError('timeout')), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(
          error instanceof RateLimitStoreError
            ? error
            : new RateLimitStoreError('error', { cause: error }),
        );
      },
    );
  });
}

/**
 * Budgets kept in Redis, shared by every gateway that points at it: one script call per check
 * (GCRA_SCRIPT, atomic). It connects at once and keeps reconnecting in the background; a call
 * made while it is not connected, or that does not answer within `timeoutMs`, rejects with
 * RateLimitStoreError at once rather than waiting, so a fallback can take over
 * (createFallbackRateLimitStore). Commands are never queued while offline.
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const now = options.now ?? Date.now;
  const keyPrefix = options.keyPrefix ?? 'kommunegraf:rate:';
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  let failures = 0;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: Math.max(timeoutMs, 1000),
      // Back off to one attempt every 2 s, for ever: the gateway serves meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  // Without a listener an `error` event would end the process. The driver's messages may name the
  // server; only the kind is logged, and the fallback logs the outage once.
  client.on('error', (error: unknown) => {
    options.logger.debug(
      { err: { type: error instanceof Error ? error.name : 'unknown' } },
      'rate limit store connection error',
    );
  });
  // Resolves once connected; retried meanwhile, so it only rejects when closed first.
  client.connect().catch(() => {});

  const runScript = async (args: { keys: string[]; arguments: string[] }): Promise<unknown> => {
    try {
      return await client.evalSha(GCRA_SCRIPT_SHA1, args);
    } catch (error) {
      // A Redis that restarted has an empty script cache: EVAL loads the script again.
      if (error instanceof ErrorReply && error.message.startsWith('NOSCRIPT')) {
        return client.eval(GCRA_SCRIPT, args);
      }
      throw error;
    }
  };

  const take = async (key: string, limit: RateLimit): Promise<RateLimitDecision> => {
    if (!client.isReady) throw new RateLimitStoreError('not_connected');
    const interval = 1000 / limit.ratePerSecond;
    const reply = await withTimeout(
      runScript({
        keys: [`${keyPrefix}${key}`],
        arguments: [
          formatMs(now()),
          formatMs(interval),
          formatMs(interval * limit.burst),
          String(KEY_SLACK_MS),
        ],
      }),
      timeoutMs,
    );
    return parseReply(reply);
  };

  return {
    async take(key, limit) {
      try {
        return await take(key, limit);
      } catch (error) {
        failures += 1;
        throw error instanceof RateLimitStoreError
          ? error
          : new RateLimitStoreError('error', { cause: error });
      }
    },
    getStatus: () => ({ store: 'redis', fallback: false, failures }),
    async close() {
      if (!client.isOpen) return;
      // close() waits for pending replies, which a hung server never sends.
      const closed = client.close().catch(() => {});
      const timer = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
      await Promise.race([closed, timer]);
      if (client.isOpen) client.destroy();
    },
  };
}
