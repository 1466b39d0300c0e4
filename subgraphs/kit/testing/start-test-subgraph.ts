import { getTestIssuer } from '../auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../auth/testing/full-access-claims';
import type { SubgraphServer } from '../create-subgraph-server';

export interface GraphQLTestResponse<TData = Record<string, unknown>> {
  status: number;
  body: {
    data?: TData | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
  };
}

export interface GraphQLTestRequestOptions {
  variables?: Record<string, unknown>;
  /** Extra request headers, such as Virkningstid / Registreringstid or Authorization. */
  headers?: Record<string, string>;
}

export interface TestSubgraph {
  /** The GraphQL endpoint. */
  url: string;
  /** POSTs one operation and returns the status and the parsed body. */
  query<TData = Record<string, unknown>>(
    query: string,
    options?: GraphQLTestRequestOptions,
  ): Promise<GraphQLTestResponse<TData>>;
  stop(): Promise<void>;
}

/**
 * Requests carry a token of a user with every role in every seeded municipality unless the test
 * gives `token` or its own Authorization header.
 *
 * Puts a created (not yet listening) subgraph server on a free port, so a subgraph's own tests
 * can talk to it over real HTTP in the test process.
 */
export async function startTestSubgraph(
  server: SubgraphServer,
  options: { token?: string } = {},
): Promise<TestSubgraph> {
  const url = await server.listen(0);
  // Sent unless a test passes its own Authorization header.
  const token = options.token ?? (await (await getTestIssuer()).sign(getFullAccessClaims()));
  return {
    url,
    async query<TData>(query: string, options: GraphQLTestRequestOptions = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...options.headers,
        },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLTestResponse<TData>['body'],
      };
    },
    stop: () => server.stop(),
  };
}
