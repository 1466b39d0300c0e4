import type { Authenticator } from '../../kit/auth/create-authenticator';
import { getTestIssuer } from '../../kit/auth/testing/create-test-issuer';
import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import { createOrganisationServer } from '../server';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

export type TestServer = TestSubgraph;

export interface TestServerOptions {
  /** @default the test issuer's authenticator, tokens required */
  authenticate?: Authenticator;
}

/**
 * The organisation subgraph over `store`, listening on a free port, for in-process tests.
 * Requests carry a full-access token unless a test sends its own Authorization header.
 */
export async function startTestServer(
  store: BitemporalStore,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const server = await createOrganisationServer({
    store,
    logger: createLogger({ name: 'organisation-test', level: 'silent' }),
    authenticate: options.authenticate ?? (await getTestIssuer()).createAuthenticator(),
  });
  return startTestSubgraph(server);
}
