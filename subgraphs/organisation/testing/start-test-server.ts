import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import { createOrganisationServer } from '../server';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

export type TestServer = TestSubgraph;

/** The organisation subgraph over `store`, listening on a free port, for in-process tests. */
export async function startTestServer(store: BitemporalStore): Promise<TestServer> {
  const server = await createOrganisationServer({
    store,
    logger: createLogger({ name: 'organisation-test', level: 'silent' }),
  });
  return startTestSubgraph(server);
}
