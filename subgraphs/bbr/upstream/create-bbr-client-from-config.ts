import type { Logger } from '../../kit/logger';
import type { BbrUpstreamConfig } from '../config';
import { CREDENTIAL_SETTINGS } from './bbr-credentials';
import type { BbrProtocol } from './bbr-protocol';
import { createBbrClient, type BbrClient, type BbrClientOptions } from './create-bbr-client';
import { createGraphqlProtocol } from './create-graphql-protocol';
import { createOAuthTokenSource } from './create-oauth-token-source';
import { createRestProtocol } from './create-rest-protocol';

/** The protocol the settings choose, with its credentials. */
export function createBbrProtocol(
  config: Pick<BbrUpstreamConfig, 'kind' | 'url' | 'version' | 'credentials'>,
): BbrProtocol {
  return config.kind === 'rest'
    ? createRestProtocol({ baseUrl: config.url, credentials: config.credentials })
    : createGraphqlProtocol({
        baseUrl: config.url,
        version: config.version,
        credentials: config.credentials,
      });
}

/**
 * The BBR client the settings describe: its protocol, its token source for OAuth, its limits.
 * `overrides` lets tests inject a clock, a sleep or tighter limits.
 */
export function createBbrClientFromConfig(
  config: BbrUpstreamConfig,
  logger: Logger,
  overrides: Partial<BbrClientOptions> = {},
): BbrClient {
  const { credentials } = config;
  const now = overrides.now;
  return createBbrClient({
    protocol: createBbrProtocol(config),
    tokenSource:
      credentials.kind === 'oauth'
        ? createOAuthTokenSource({
            tokenUrl: credentials.tokenUrl,
            clientId: credentials.clientId,
            clientSecret: credentials.clientSecret,
            timeoutMs: config.timeoutMs,
            now,
          })
        : null,
    credentialSetting: CREDENTIAL_SETTINGS[credentials.kind],
    pageSize: config.pageSize,
    credentialRetryMs: config.credentialRetryMs,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    maxRetryDelayMs: config.maxRetryDelayMs,
    retryBaseDelayMs: 100,
    cacheTtlMs: config.cacheTtlMs,
    cacheMaxEntries: config.cacheMaxEntries,
    batchSize: config.batchSize,
    breakerFailureThreshold: config.breakerFailureThreshold,
    breakerResetMs: config.breakerResetMs,
    logger,
    ...overrides,
  });
}
