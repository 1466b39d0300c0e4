import type { Authenticator } from '../../kit/auth/create-authenticator';
import { getTestIssuer } from '../../kit/auth/testing/create-test-issuer';
import { createLogger } from '../../kit/logger';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import type { OfflineBbrUpstream } from '../offline/create-offline-bbr-upstream';
import { createBbrServer } from '../server';
import type { BbrClient } from '../upstream/create-bbr-client';
import { createTestBbrClient, type TestBbrClientOptions } from './create-test-bbr-client';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

export interface TestServer extends TestSubgraph {
  client: BbrClient;
}

/**
 * The bbr subgraph over the offline upstream (GraphQL unless `options.kind` says REST), listening
 * on a free port, for in-process tests. Requests carry a full-access token unless a test sends its
 * own Authorization header.
 *
 * @param authenticate - @default the test issuer's authenticator, tokens required
 */
export async function startTestServer(
  upstream: OfflineBbrUpstream,
  options: TestBbrClientOptions = {},
  authenticate?: Authenticator,
): Promise<TestServer> {
  const logger = createLogger({ name: 'bbr-test', level: 'silent' });
  const client = createTestBbrClient(upstream, { logger, ...options });
  const clock = options.now;
  const server = await createBbrServer({
    client,
    logger,
    // The request's "now" and the client's cache run on one clock, as in production.
    now: clock ? () => new Date(clock()) : undefined,
    authenticate: authenticate ?? (await getTestIssuer()).createAuthenticator(),
  });
  return { ...(await startTestSubgraph(server)), client };
}
