import { createLogger, type Logger } from '../../kit/logger';
import type { BbrUpstreamConfig } from '../config';
import type { OfflineBbrUpstream } from '../offline/create-offline-bbr-upstream';
import type { BbrCredentials } from '../upstream/bbr-credentials';
import type { BbrClient, BbrClientOptions } from '../upstream/create-bbr-client';
import { createBbrClientFromConfig } from '../upstream/create-bbr-client-from-config';

export interface TestBbrClientOptions extends Partial<BbrClientOptions> {
  /** @default 'graphql' */
  kind?: 'graphql' | 'rest';
  /** @default none */
  credentials?: BbrCredentials;
  /** @default a silent logger */
  logger?: Logger;
}

/** The settings a test client uses: the documented page size, short timeouts, no real waits. */
export function getTestBbrConfig(
  upstream: OfflineBbrUpstream,
  kind: 'graphql' | 'rest',
  credentials: BbrCredentials,
): BbrUpstreamConfig {
  return {
    kind,
    url: kind === 'rest' ? upstream.url : upstream.graphqlUrl,
    version: 'v3',
    credentials,
    pageSize: 100,
    timeoutMs: 1000,
    retries: 1,
    maxRetryDelayMs: 2000,
    cacheTtlMs: 60_000,
    cacheMaxEntries: 1000,
    batchSize: 10,
    breakerFailureThreshold: 5,
    breakerResetMs: 30_000,
    credentialRetryMs: 300_000,
  };
}

/** A BBR client of the offline upstream, the way main.ts builds one from its settings. */
export function createTestBbrClient(
  upstream: OfflineBbrUpstream,
  options: TestBbrClientOptions = {},
): BbrClient {
  const { kind = 'graphql', credentials = { kind: 'none' }, ...overrides } = options;
  return createBbrClientFromConfig(
    getTestBbrConfig(upstream, kind, credentials),
    overrides.logger ?? createLogger({ name: 'bbr-test', level: 'silent' }),
    { retryBaseDelayMs: 10, ...overrides },
  );
}
