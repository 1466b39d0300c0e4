import { join } from 'node:path';
import {
  ConfigError,
  readAuthConfig,
  readBoolean,
  readPort,
  readShutdownGraceMs,
  readUrl,
  type AuthConfig,
  type Env,
} from '../subgraphs/kit/config';
import {
  readTracingConfig,
  type TracingConfig,
} from '../subgraphs/kit/tracing/read-tracing-config';
import { DEFAULT_PERSISTED_QUERY_CACHE_BYTES } from './create-persisted-query-cache';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits/create-query-limit-rules';
import { readRateLimitConfig, type RateLimitConfig } from './rate-limits/read-rate-limit-config';
import {
  DEFAULT_SUBGRAPH_CALL_SETTINGS,
  type SubgraphCallSettings,
} from './subgraph-calls/subgraph-call-settings';
import {
  DEFAULT_SUPERGRAPH_POLL_MS,
  type SupergraphLocation,
} from './supergraph/create-supergraph-source';

export interface GatewayConfig {
  /** @default 4000 */
  port: number;
  /** @default '127.0.0.1' */
  host: string;
  /** @default 'info' */
  logLevel: string;
  /** NODE_ENV=production. */
  production: boolean;
  /** Introspection and "Did you mean …" suggestions. @default true, false when production */
  introspection: boolean;
  /** Token verification (AUTH_*), the same settings every subgraph reads. */
  auth: AuthConfig;
  /**
   * PERSISTED_QUERY_CACHE_BYTES: bound of the automatic persisted query cache; 0 switches
   * persisted queries off. @default 8 MiB
   */
  persistedQueryCacheBytes: number;
  /** Limits on each query (QUERY_MAX_*); see DEFAULT_QUERY_LIMITS. */
  queryLimits: QueryLimits;
  /**
   * SUPERGRAPH_FILE or SUPERGRAPH_URL (http(s)), never both: where the supergraph is read and
   * checked for new versions. @default the file schema/supergraph.graphql
   */
  supergraph: SupergraphLocation;
  /** SUPERGRAPH_POLL_MS: how often the supergraph is checked for a new version. @default 10000 */
  supergraphPollMs: number;
  /** GATEWAY_WORKERS: processes sharing the port (node:cluster); 1 runs no cluster. @default 1 */
  workers: number;
  /** Subgraph URLs by subgraph name, overriding the ones composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Timeouts, size cap, retries and breaker of subgraph calls (SUBGRAPH_*). */
  subgraphCalls: SubgraphCallSettings;
  /** SHUTDOWN_GRACE_MS: how long /ready answers 503 before the drain starts. @default 5000 */
  shutdownGraceMs: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans are exported only when it is set. */
  tracing: TracingConfig;
  /** GATEWAY_METRICS_MAX_OPERATIONS: distinct operation names in metrics labels. @default 100 */
  maxOperationLabels: number;
  /** Budgets per caller and per address (RATE_LIMIT_*), kept in memory or in Redis (REDIS_URL). */
  rateLimits: RateLimitConfig;
}

const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

/** More workers than this is a typo rather than a plan. */
export const MAX_GATEWAY_WORKERS = 64;

/** The environment variable for each query limit. */
const QUERY_LIMIT_VARIABLES: Record<keyof QueryLimits, string> = {
  maxDepth: 'QUERY_MAX_DEPTH',
  maxAliases: 'QUERY_MAX_ALIASES',
  maxDirectives: 'QUERY_MAX_DIRECTIVES',
  maxCost: 'QUERY_MAX_COST',
  maxTokens: 'QUERY_MAX_TOKENS',
  maxBytes: 'QUERY_MAX_BYTES',
};

function readInteger(
  env: Env,
  name: string,
  fallback: number,
  problems: string[],
  min = 1,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    const kind = min === 0 ? 'a non-negative' : 'a positive';
    problems.push(`${name} must be ${kind} integer, got "${raw}"`);
    return fallback;
  }
  return value;
}

function readSubgraphCalls(env: Env, problems: string[]): SubgraphCallSettings {
  const defaults = DEFAULT_SUBGRAPH_CALL_SETTINGS;
  return {
    ...defaults,
    timeoutMs: readInteger(env, 'SUBGRAPH_TIMEOUT_MS', defaults.timeoutMs, problems),
    maxResponseBytes: readInteger(
      env,
      'SUBGRAPH_MAX_RESPONSE_BYTES',
      defaults.maxResponseBytes,
      problems,
    ),
    retries: readInteger(env, 'SUBGRAPH_RETRIES', defaults.retries, problems, 0),
    breakerFailureThreshold: readInteger(
      env,
      'SUBGRAPH_BREAKER_FAILURES',
      defaults.breakerFailureThreshold,
      problems,
    ),
    breakerResetMs: readInteger(
      env,
      'SUBGRAPH_BREAKER_RESET_MS',
      defaults.breakerResetMs,
      problems,
    ),
  };
}

function readSupergraphLocation(env: Env, problems: string[]): SupergraphLocation {
  const file = env.SUPERGRAPH_FILE ?? '';
  const url = readUrl(env, 'SUPERGRAPH_URL', problems);
  if (file !== '' && env.SUPERGRAPH_URL) {
    problems.push('Set SUPERGRAPH_FILE or SUPERGRAPH_URL, not both');
  }
  if (url) return { kind: 'url', url };
  return {
    kind: 'file',
    path: file !== '' ? file : join(__dirname, '..', 'schema', 'supergraph.graphql'),
  };
}

function readQueryLimits(env: Env, problems: string[]): QueryLimits {
  const limits = { ...DEFAULT_QUERY_LIMITS };
  for (const key of Object.keys(QUERY_LIMIT_VARIABLES) as (keyof QueryLimits)[]) {
    limits[key] = readInteger(env, QUERY_LIMIT_VARIABLES[key], limits[key], problems);
  }
  return limits;
}

/**
 * Reads the gateway's settings. Each subgraph's URL can be set with `SUBGRAPH_URL_<NAME>`
 * (e.g. `SUBGRAPH_URL_ORGANISATION`), so each can run on another supplier's host.
 */
export function loadConfig(env: Env): GatewayConfig {
  const problems: string[] = [];
  const subgraphUrls: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    if (!name.startsWith(SUBGRAPH_URL_PREFIX)) continue;
    const url = readUrl(env, name, problems);
    if (url) subgraphUrls[name.slice(SUBGRAPH_URL_PREFIX.length).toLowerCase()] = url;
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  const production = env.NODE_ENV === 'production';
  const config: GatewayConfig = {
    port: readPort(env, 'PORT', 4000, problems),
    host: env.HOST ?? '127.0.0.1',
    logLevel,
    production,
    introspection: readBoolean(env, 'INTROSPECTION', !production, problems),
    auth: readAuthConfig(env, problems),
    persistedQueryCacheBytes: readInteger(
      env,
      'PERSISTED_QUERY_CACHE_BYTES',
      DEFAULT_PERSISTED_QUERY_CACHE_BYTES,
      problems,
      0,
    ),
    queryLimits: readQueryLimits(env, problems),
    supergraph: readSupergraphLocation(env, problems),
    supergraphPollMs: readInteger(env, 'SUPERGRAPH_POLL_MS', DEFAULT_SUPERGRAPH_POLL_MS, problems),
    workers: readInteger(env, 'GATEWAY_WORKERS', 1, problems),
    subgraphUrls,
    subgraphCalls: readSubgraphCalls(env, problems),
    shutdownGraceMs: readShutdownGraceMs(env, problems),
    tracing: readTracingConfig(env, problems),
    maxOperationLabels: readInteger(env, 'GATEWAY_METRICS_MAX_OPERATIONS', 100, problems),
    rateLimits: readRateLimitConfig(env, problems),
  };
  if (config.workers > MAX_GATEWAY_WORKERS) {
    problems.push(`GATEWAY_WORKERS must be at most ${MAX_GATEWAY_WORKERS}`);
  }
  if (problems.length > 0) throw new ConfigError('gateway', problems);
  return config;
}
