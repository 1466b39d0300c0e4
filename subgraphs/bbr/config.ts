import {
  ConfigError,
  readServiceConfig,
  readUrl,
  type Env,
  type ServiceConfig,
} from '../kit/config';
import type { BbrCredentials } from './upstream/bbr-credentials';

export const SERVICE = { name: 'bbr', defaultPort: 4005 };

/** The objects per upstream page Datafordeleren documents as its default; also the most asked. */
export const DOCUMENTED_PAGE_SIZE = 100;

export interface BbrUpstreamConfig {
  /** BBR_API_KIND: `graphql` (the GraphQL services) or `rest` (while REST runs). @default graphql */
  kind: 'graphql' | 'rest';
  /**
   * BBR_API_URL, required: the GraphQL service root (`https://graphql.datafordeler.dk`, the
   * adapter adds `/BBR/<version>`) or the REST base (`…/BBR/BBRPublic/1/rest`).
   */
  url: string;
  /** BBR_API_VERSION: the GraphQL service version in the path. @default v3 */
  version: string;
  /**
   * BBR_API_KEY (GraphQL), BBR_OAUTH_TOKEN_URL + BBR_OAUTH_CLIENT_ID + BBR_OAUTH_CLIENT_SECRET
   * (GraphQL), or BBR_USERNAME + BBR_PASSWORD (REST). Secret: never defaulted, logged or shown.
   */
  credentials: BbrCredentials;
  /** BBR_PAGE_SIZE: objects per upstream page, 1 to 100. @default 100 */
  pageSize: number;
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
  /** BBR_CREDENTIAL_RETRY_MS: after refused credentials, the wait before one trial call. @default 300000 */
  credentialRetryMs: number;
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
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(
      max === Number.MAX_SAFE_INTEGER
        ? `${name} must be an integer of at least ${min}, got "${raw}"`
        : `${name} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
    return fallback;
  }
  return value;
}

const isSet = (env: Env, name: string): boolean => (env[name] ?? '') !== '';

/** The credentials the settings give; a problem for every combination the service cannot use. */
function readCredentials(env: Env, kind: 'graphql' | 'rest', problems: string[]): BbrCredentials {
  const oauthNames = ['BBR_OAUTH_TOKEN_URL', 'BBR_OAUTH_CLIENT_ID', 'BBR_OAUTH_CLIENT_SECRET'];
  const hasKey = isSet(env, 'BBR_API_KEY');
  const hasOAuth = oauthNames.some((name) => isSet(env, name));
  const hasPassword = isSet(env, 'BBR_USERNAME') || isSet(env, 'BBR_PASSWORD');
  if (kind === 'rest') {
    if (hasKey || hasOAuth) {
      problems.push('BBR REST takes BBR_USERNAME and BBR_PASSWORD, not an API key or OAuth');
    }
    if (!hasPassword) return { kind: 'none' };
    if (!isSet(env, 'BBR_USERNAME') || !isSet(env, 'BBR_PASSWORD')) {
      problems.push('BBR_USERNAME and BBR_PASSWORD must be given together');
    }
    return { kind: 'password', username: env.BBR_USERNAME ?? '', password: env.BBR_PASSWORD ?? '' };
  }
  if (hasPassword) {
    problems.push('BBR GraphQL takes BBR_API_KEY or BBR_OAUTH_*, not BBR_USERNAME/BBR_PASSWORD');
  }
  if (hasKey && hasOAuth) problems.push('give BBR_API_KEY or BBR_OAUTH_*, not both');
  if (hasKey) return { kind: 'api-key', apiKey: env.BBR_API_KEY ?? '' };
  if (!hasOAuth) return { kind: 'none' };
  const missing = oauthNames.filter((name) => !isSet(env, name));
  if (missing.length > 0) problems.push(`OAuth client credentials also need ${missing.join(', ')}`);
  const tokenUrl = readUrl(env, 'BBR_OAUTH_TOKEN_URL', problems);
  return {
    kind: 'oauth',
    tokenUrl: tokenUrl ?? '',
    clientId: env.BBR_OAUTH_CLIENT_ID ?? '',
    clientSecret: env.BBR_OAUTH_CLIENT_SECRET ?? '',
  };
}

/** Reads the bbr service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): BbrConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, SERVICE, problems);
  const rawKind = env.BBR_API_KIND || 'graphql';
  if (rawKind !== 'graphql' && rawKind !== 'rest') {
    problems.push(`BBR_API_KIND must be "graphql" or "rest", got "${rawKind}"`);
  }
  const kind = rawKind === 'rest' ? 'rest' : 'graphql';
  const url = readUrl(env, 'BBR_API_URL', problems);
  // Where the data comes from is never guessed: `npm start` points it at the offline upstream.
  if (env.BBR_API_URL === undefined || env.BBR_API_URL === '') {
    problems.push(
      'BBR_API_URL is required (the GraphQL service root, e.g. https://graphql.datafordeler.dk, or with BBR_API_KIND=rest the REST base …/BBR/BBRPublic/1/rest)',
    );
  }
  const version = env.BBR_API_VERSION || 'v3';
  if (!/^v\d+$/.test(version)) problems.push(`BBR_API_VERSION must look like v3, got "${version}"`);
  const bbr: BbrUpstreamConfig = {
    kind,
    url: url ?? '',
    version,
    credentials: readCredentials(env, kind, problems),
    pageSize: readInteger(
      env,
      'BBR_PAGE_SIZE',
      DOCUMENTED_PAGE_SIZE,
      1,
      problems,
      DOCUMENTED_PAGE_SIZE,
    ),
    timeoutMs: readInteger(env, 'BBR_TIMEOUT_MS', 3000, 1, problems),
    retries: readInteger(env, 'BBR_RETRIES', 2, 0, problems),
    maxRetryDelayMs: readInteger(env, 'BBR_MAX_RETRY_DELAY_MS', 2000, 0, problems),
    cacheTtlMs: readInteger(env, 'BBR_CACHE_TTL_MS', 300_000, 0, problems),
    cacheMaxEntries: readInteger(env, 'BBR_CACHE_MAX_ENTRIES', 10_000, 0, problems),
    batchSize: readInteger(env, 'BBR_BATCH_SIZE', 20, 1, problems, DOCUMENTED_PAGE_SIZE),
    breakerFailureThreshold: readInteger(env, 'BBR_BREAKER_FAILURES', 5, 1, problems),
    breakerResetMs: readInteger(env, 'BBR_BREAKER_RESET_MS', 30_000, 1, problems),
    credentialRetryMs: readInteger(env, 'BBR_CREDENTIAL_RETRY_MS', 300_000, 1, problems),
  };
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  return { ...service, bbr };
}
