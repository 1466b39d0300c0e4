import type { Authenticator } from '../../kit/auth/create-authenticator';
import { getTestIssuer } from '../../kit/auth/testing/create-test-issuer';
import { createLogger } from '../../kit/logger';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import { createBbrServer } from '../server';
import {
  createBbrClient,
  type BbrClient,
  type BbrClientOptions,
} from '../upstream/create-bbr-client';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

export interface TestServer extends TestSubgraph {
  client: BbrClient;
}

/**
 * The bbr subgraph over the upstream at `baseUrl`, listening on a free port, for in-process tests.
 * Requests carry a full-access token unless a test sends its own Authorization header.
 *
 * @param authenticate - @default the test issuer's authenticator, tokens required
 */
export async function startTestServer(
  baseUrl: string,
  options: Partial<BbrClientOptions> = {},
  authenticate?: Authenticator,
): Promise<TestServer> {
  const logger = createLogger({ name: 'bbr-test', level: 'silent' });
  const client = createBbrClient({
    baseUrl,
    timeoutMs: 1000,
    retries: 1,
    maxRetryDelayMs: 2000,
    retryBaseDelayMs: 10,
    cacheTtlMs: 60_000,
    cacheMaxEntries: 1000,
    batchSize: 10,
    breakerFailureThreshold: 5,
    breakerResetMs: 30_000,
    logger,
    ...options,
  });
  const server = await createBbrServer({
    client,
    logger,
    authenticate: authenticate ?? (await getTestIssuer()).createAuthenticator(),
  });
  return { ...(await startTestSubgraph(server)), client };
}
