import {
  ConfigError,
  readServiceConfig,
  readUrl,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE = { name: 'bbr', defaultPort: 4005 };

export interface BbrUpstreamConfig {
  /** BBR_API_URL: the REST base ending in /BBR/BBRPublic/1/rest. Required. */
  url: string;
  /** BBR_API_KEY: sent as the `apikey` parameter. Secret: never defaulted, logged or shown. */
  apiKey: string | undefined;
  /** BBR_TIMEOUT_MS @default 3000 */
  timeoutMs: number;
  /** BBR_RETRIES: further attempts after 429/5xx. @default 2 */
  retries: number;
  /** BBR_MAX_RETRY_DELAY_MS: the longest Retry-After waited for. @default 2000 */
  maxRetryDelayMs: number;
  /** BBR_CACHE_TTL_MS @default 300000 (5 minutes) */
  cacheTtlMs: number;
  /** BBR_CACHE_MAX_ENTRIES @default 10000 */
  cacheMaxEntries: number;
  /** BBR_BATCH_SIZE: most ids in one upstream call. @default 20 */
  batchSize: number;
  /** BBR_BREAKER_FAILURES: consecutive failed calls that open the circuit. @default 5 */
  breakerFailureThreshold: number;
  /** BBR_BREAKER_RESET_MS: how long the circuit stays open. @default 30000 */
  breakerResetMs: number;
}

export interface BbrConfig extends ServiceConfig {
  bbr: BbrUpstreamConfig;
}

function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${name} must be an integer of at least ${min}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** Reads the bbr service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): BbrConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, SERVICE, problems);
  const url = readUrl(env, 'BBR_API_URL', problems);
  // Where the data comes from is never guessed: `npm start` points it at the offline upstream.
  if (env.BBR_API_URL === undefined || env.BBR_API_URL === '') {
    problems.push('BBR_API_URL is required (the BBR REST base, …/BBR/BBRPublic/1/rest)');
  }
  const bbr: BbrUpstreamConfig = {
    url: url ?? '',
    apiKey: env.BBR_API_KEY || undefined,
    timeoutMs: readInteger(env, 'BBR_TIMEOUT_MS', 3000, 1, problems),
    retries: readInteger(env, 'BBR_RETRIES', 2, 0, problems),
    maxRetryDelayMs: readInteger(env, 'BBR_MAX_RETRY_DELAY_MS', 2000, 0, problems),
    cacheTtlMs: readInteger(env, 'BBR_CACHE_TTL_MS', 300_000, 0, problems),
    cacheMaxEntries: readInteger(env, 'BBR_CACHE_MAX_ENTRIES', 10_000, 0, problems),
    batchSize: readInteger(env, 'BBR_BATCH_SIZE', 20, 1, problems),
    breakerFailureThreshold: readInteger(env, 'BBR_BREAKER_FAILURES', 5, 1, problems),
    breakerResetMs: readInteger(env, 'BBR_BREAKER_RESET_MS', 30_000, 1, problems),
  };
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  return { ...service, bbr };
}
