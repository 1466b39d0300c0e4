import { join } from 'node:path';
import { DEFAULT_SHUTDOWN_GRACE_MS } from './run-service';
import { readTracingConfig, type TracingConfig } from './tracing/read-tracing-config';

export type StoreConfig =
  | { kind: 'embedded'; journalFile: string | null }
  | { kind: 'mongodb'; uri: string; database: string };

export interface AuthConfig {
  /** AUTH_JWKS_URL: the issuer's key set. Required. */
  jwksUrl: string;
  /** AUTH_ISSUER: the exact `iss` tokens must carry. Required. */
  issuer: string;
  /** AUTH_AUDIENCE: comma-separated; a token must name one of them in `aud`. Required. */
  audience: string[];
  /** AUTH_ALGORITHMS: comma-separated. @default ['RS256', 'ES256'] */
  algorithms: string[];
  /** AUTH_REQUIRED=false lets requests without a token in as the anonymous caller. @default true */
  required: boolean;
  /**
   * AUTH_ROLE_PREFIXES: comma-separated URI prefixes (ending in `/` or `:`) under which a privilege names a role of this
   * graph (`<prefix>sag_laes/1`); a role URI under none of them makes the token invalid.
   * @default DEFAULT_ROLE_PREFIXES (['http://kombit.dk/roles/usersystemrole/'])
   */
  rolePrefixes?: string[];
}

const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

function readList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** Reads the token settings every service shares; problems are collected in `problems`. */
export function readAuthConfig(env: Env, problems: string[]): AuthConfig {
  const jwksUrl = readUrl(env, 'AUTH_JWKS_URL', problems);
  if (env.AUTH_JWKS_URL === undefined || env.AUTH_JWKS_URL === '') {
    problems.push('AUTH_JWKS_URL is required');
  }
  const issuer = env.AUTH_ISSUER ?? '';
  if (issuer === '') problems.push('AUTH_ISSUER is required');
  const audience = readList(env.AUTH_AUDIENCE);
  if (audience.length === 0) problems.push('AUTH_AUDIENCE is required');
  const algorithms = env.AUTH_ALGORITHMS ? readList(env.AUTH_ALGORITHMS) : ['RS256', 'ES256'];
  const unknown = algorithms.filter((a) => !ALGORITHMS.includes(a));
  if (unknown.length > 0 || algorithms.length === 0) {
    problems.push(`AUTH_ALGORITHMS must be a list of ${ALGORITHMS.join(', ')}`);
  }
  // Left out unless set, so the default lives in one place (DEFAULT_ROLE_PREFIXES).
  const rolePrefixes = env.AUTH_ROLE_PREFIXES ? readList(env.AUTH_ROLE_PREFIXES) : undefined;
  if (
    rolePrefixes !== undefined &&
    (rolePrefixes.length === 0 || rolePrefixes.some((p) => !/^[a-z][a-z0-9+.-]*:\S*[/:]$/i.test(p)))
  ) {
    problems.push('AUTH_ROLE_PREFIXES must be a list of URIs, each ending in "/" or ":"');
  }
  return {
    jwksUrl: jwksUrl ?? '',
    issuer,
    audience,
    algorithms,
    required: readBoolean(env, 'AUTH_REQUIRED', true, problems),
    ...(rolePrefixes ? { rolePrefixes } : {}),
  };
}

export interface ServiceConfig {
  /** @default the service's own port */
  port: number;
  /** @default '127.0.0.1' */
  host: string;
  /** @default 'info' */
  logLevel: string;
  /** NODE_ENV=production: no introspection. */
  production: boolean;
  store: StoreConfig;
  /** Token verification (AUTH_*). */
  auth: AuthConfig;
  /** SHUTDOWN_GRACE_MS: how long /ready answers 503 before the drain. @default 5000 */
  shutdownGraceMs: number;
  /** Span export (OTEL_EXPORTER_OTLP_ENDPOINT). */
  tracing: TracingConfig;
  /**
   * ALLOW_MEMORY_STORE=true: a production service may keep its store and access log in memory
   * (everything is lost on restart). Without it, production refuses to start in memory; see
   * `assertDurableStore`. @default false
   */
  allowMemoryStore: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Every configuration problem found, reported together so one restart fixes them all. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(service: string, problems: string[]) {
    super(`Invalid configuration for ${service}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads a TCP port; records a problem and returns the default when invalid. */
export function readPort(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number (0-65535), got "${raw}"`);
    return fallback;
  }
  return port;
}

/**
 * SHUTDOWN_GRACE_MS: milliseconds between a stop signal (from which /ready answers 503) and
 * closing the listener. @default DEFAULT_SHUTDOWN_GRACE_MS (5000)
 */
export function readShutdownGraceMs(env: Env, problems: string[]): number {
  const raw = env.SHUTDOWN_GRACE_MS;
  if (raw === undefined || raw === '') return DEFAULT_SHUTDOWN_GRACE_MS;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value)) {
    problems.push(`SHUTDOWN_GRACE_MS must be a non-negative integer, got "${raw}"`);
    return DEFAULT_SHUTDOWN_GRACE_MS;
  }
  return value;
}

/** Reads "true" or "false"; records a problem and returns the default when anything else. */
export function readBoolean(
  env: Env,
  name: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') {
    problems.push(`${name} must be "true" or "false", got "${raw}"`);
    return fallback;
  }
  return raw === 'true';
}

/** Reads an http(s) URL; records a problem when present but malformed. */
export function readUrl(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  problems.push(`${name} must be an http(s) URL`);
  return undefined;
}

/**
 * The store settings alone (STORE=embedded|mongodb, STORE_DIR, MONGODB_URI, MONGODB_DATABASE), for
 * a service and for offline commands on its store, which need nothing else.
 */
export function readStoreConfig(env: Env, serviceName: string, problems: string[]): StoreConfig {
  const kind = env.STORE ?? 'embedded';
  let store: StoreConfig = { kind: 'embedded', journalFile: null };
  if (kind === 'embedded') {
    store = {
      kind,
      journalFile: env.STORE_DIR ? join(env.STORE_DIR, `${serviceName}.jsonl`) : null,
    };
  } else if (kind === 'mongodb') {
    // The URI is a secret (it may carry credentials): required, never defaulted, never printed.
    if (!env.MONGODB_URI) problems.push('MONGODB_URI is required when STORE=mongodb');
    store = {
      kind,
      uri: env.MONGODB_URI ?? '',
      database: env.MONGODB_DATABASE ?? `kommunegraf_${serviceName}`,
    };
  } else {
    problems.push(`STORE must be "embedded" or "mongodb", got "${kind}"`);
  }
  return store;
}

/**
 * The settings every service shares: PORT, HOST, LOG_LEVEL, NODE_ENV, the store
 * (STORE=embedded|mongodb, STORE_DIR, MONGODB_URI, MONGODB_DATABASE, ALLOW_MEMORY_STORE),
 * SHUTDOWN_GRACE_MS and OTEL_EXPORTER_OTLP_ENDPOINT. Problems are collected in
 * `problems` so the caller can add its own and throw one ConfigError.
 */
export function readServiceConfig(
  env: Env,
  service: { name: string; defaultPort: number },
  problems: string[],
): ServiceConfig {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const store = readStoreConfig(env, service.name, problems);
  return {
    port: readPort(env, 'PORT', service.defaultPort, problems),
    host: env.HOST ?? '127.0.0.1',
    logLevel,
    production: env.NODE_ENV === 'production',
    store,
    auth: readAuthConfig(env, problems),
    shutdownGraceMs: readShutdownGraceMs(env, problems),
    tracing: readTracingConfig(env, problems),
    allowMemoryStore: readBoolean(env, 'ALLOW_MEMORY_STORE', false, problems),
  };
}

/** True when the store (and the access log beside it) lives in memory only. */
export function isMemoryStore(store: StoreConfig): boolean {
  return store.kind === 'embedded' && store.journalFile === null;
}

/**
 * For a service that keeps data: in production, an in-memory store would lose every case and
 * every access log record on restart without a word, so it is refused unless ALLOW_MEMORY_STORE
 * says so. Throws a ConfigError whose one problem names the settings.
 */
export function assertDurableStore(config: ServiceConfig, service: string): void {
  if (config.production && isMemoryStore(config.store) && !config.allowMemoryStore) {
    throw new ConfigError(service, [
      'NODE_ENV=production refuses an in-memory store and access log: set STORE_DIR (embedded ' +
        'journal) or STORE=mongodb with MONGODB_URI, or ALLOW_MEMORY_STORE=true to run in memory',
    ]);
  }
}

/** Service settings alone, for a service that has no settings of its own. */
export function loadServiceConfig(
  env: Env,
  service: { name: string; defaultPort: number },
): ServiceConfig {
  const problems: string[] = [];
  const config = readServiceConfig(env, service, problems);
  if (problems.length > 0) throw new ConfigError(service.name, problems);
  return config;
}
