import type { Authenticator } from '../../kit/auth/create-authenticator';
import { getTestIssuer } from '../../kit/auth/testing/create-test-issuer';
import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import {
  startTestSubgraph,
  type GraphQLTestRequestOptions,
  type GraphQLTestResponse,
} from '../../kit/testing/start-test-subgraph';
import { seedKlassifikation } from '../seed/seed-klassifikation';
import { createKlassifikationServer } from '../server';

/** The response flattened: these tests read `data` and `errors` beside `status`. */
export type GraphQLResult<T = Record<string, unknown>> = {
  status: number;
} & GraphQLTestResponse<T>['body'];

export interface TestServer {
  url: string;
  /** POSTs one operation and returns the parsed response. */
  query<T = Record<string, unknown>>(
    query: string,
    options?: GraphQLTestRequestOptions,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** @default the test issuer's authenticator, tokens required */
  authenticate?: Authenticator;
}

/**
 * The klassifikation subgraph in the test process on port 0, over `store` (by default a fresh
 * embedded store with the KLE seed). For the subgraph's own tests; silent logs. Requests carry a
 * full-access token unless a test sends its own Authorization header.
 */
export async function startTestServer(
  store?: BitemporalStore,
  options: TestServerOptions = {},
): Promise<TestServer> {
  let used = store;
  if (!used) {
    used = createEmbeddedStore();
    await seedKlassifikation(used);
  }
  const server = await createKlassifikationServer({
    store: used,
    logger: createLogger({ name: 'klassifikation-test', level: 'silent' }),
    authenticate: options.authenticate ?? (await getTestIssuer()).createAuthenticator(),
  });
  const subgraph = await startTestSubgraph(server);
  return {
    url: subgraph.url,
    async query<T>(query: string, options?: GraphQLTestRequestOptions) {
      const { status, body } = await subgraph.query<T>(query, options);
      return { status, ...body };
    },
    stop: () => subgraph.stop(),
  };
}
