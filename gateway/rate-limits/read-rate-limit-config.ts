import type { Env } from '../../subgraphs/kit/config';
import { DEFAULT_REDIS_RETRY_MS } from './create-fallback-rate-limit-store';
import { DEFAULT_REDIS_TIMEOUT_MS } from './create-redis-rate-limit-store';
import type { RateLimitStoreConfig } from './create-rate-limit-store';
import type { RateLimit } from './rate-limit';
import { DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSettings } from './rate-limit-settings';

export interface RateLimitConfig {
  settings: RateLimitSettings;
  store: RateLimitStoreConfig;
}

function readNumber(
  env: Env,
  name: string,
  fallback: number,
  problems: string[],
  options: { min: number; integer: boolean },
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const pattern = options.integer ? /^[0-9]+$/ : /^[0-9]+(\.[0-9]+)?$/;
  const value = Number(raw);
  if (!pattern.test(raw) || !Number.isFinite(value) || value < options.min) {
    const kind = options.integer ? 'an integer' : 'a number';
    problems.push(`${name} must be ${kind} of at least ${options.min}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** `<PREFIX>_PER_SECOND` (0 switches the limit off) and `<PREFIX>_BURST`. */
function readRateLimit(
  env: Env,
  prefix: string,
  fallback: RateLimit | null,
  problems: string[],
): RateLimit | null {
  const ratePerSecond = readNumber(
    env,
    `${prefix}_PER_SECOND`,
    fallback?.ratePerSecond ?? 0,
    problems,
    { min: 0, integer: false },
  );
  const burst = readNumber(env, `${prefix}_BURST`, fallback?.burst ?? 1, problems, {
    min: 1,
    integer: true,
  });
  return ratePerSecond > 0 ? { ratePerSecond, burst } : null;
}

function readRedisUrl(env: Env, problems: string[]): string | null {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw;
  } catch {
    // reported below, without the value: it may carry a password
  }
  problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  return null;
}

/**
 * RATE_LIMIT_CALLER_PER_SECOND / _BURST, RATE_LIMIT_ADDRESS_PER_SECOND / _BURST,
 * RATE_LIMIT_TRUSTED_PROXIES, and where the budgets are kept: REDIS_URL (unset: in memory),
 * RATE_LIMIT_REDIS_TIMEOUT_MS and RATE_LIMIT_REDIS_RETRY_MS. Defaults: DEFAULT_RATE_LIMIT_SETTINGS.
 */
export function readRateLimitConfig(env: Env, problems: string[]): RateLimitConfig {
  const defaults = DEFAULT_RATE_LIMIT_SETTINGS;
  return {
    settings: {
      caller: readRateLimit(env, 'RATE_LIMIT_CALLER', defaults.caller, problems),
      address: readRateLimit(env, 'RATE_LIMIT_ADDRESS', defaults.address, problems),
      trustedProxies: readNumber(
        env,
        'RATE_LIMIT_TRUSTED_PROXIES',
        defaults.trustedProxies,
        problems,
        { min: 0, integer: true },
      ),
    },
    store: {
      redisUrl: readRedisUrl(env, problems),
      redisTimeoutMs: readNumber(
        env,
        'RATE_LIMIT_REDIS_TIMEOUT_MS',
        DEFAULT_REDIS_TIMEOUT_MS,
        problems,
        { min: 1, integer: true },
      ),
      redisRetryMs: readNumber(env, 'RATE_LIMIT_REDIS_RETRY_MS', DEFAULT_REDIS_RETRY_MS, problems, {
        min: 1,
        integer: true,
      }),
    },
  };
}
