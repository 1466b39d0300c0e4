import { join } from 'node:path';
import {
  ConfigError,
  readAuthConfig,
  readBoolean,
  readPort,
  readUrl,
  type AuthConfig,
  type Env,
} from '../subgraphs/kit/config';
import { DEFAULT_PERSISTED_QUERY_CACHE_BYTES } from './create-persisted-query-cache';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits/create-query-limit-rules';
import {
  DEFAULT_SUBGRAPH_CALL_SETTINGS,
  type SubgraphCallSettings,
} from './subgraph-calls/subgraph-call-settings';

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
  /** @default schema/supergraph.graphql */
  supergraphFile: string;
  /** Subgraph URLs by subgraph name, overriding the ones composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Timeouts, size cap, retries and breaker of subgraph calls (SUBGRAPH_*). */
  subgraphCalls: SubgraphCallSettings;
}

const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

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
    supergraphFile: env.SUPERGRAPH_FILE ?? join(__dirname, '..', 'schema', 'supergraph.graphql'),
    subgraphUrls,
    subgraphCalls: readSubgraphCalls(env, problems),
  };
  if (problems.length > 0) throw new ConfigError('gateway', problems);
  return config;
}
