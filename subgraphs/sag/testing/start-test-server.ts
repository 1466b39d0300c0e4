import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createSagServer } from '../server';

export interface GraphQLTestResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
  };
}

export interface TestServer {
  url: string;
  /** POSTs a query; `headers` carry Virkningstid / Registreringstid. */
  query(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<GraphQLTestResponse>;
  stop(): Promise<void>;
}

/** The sag subgraph over `store`, listening on a free port, for in-process tests. */
export async function startTestServer(store: BitemporalStore): Promise<TestServer> {
  const server = await createSagServer({
    store,
    logger: createLogger({ name: 'sag-test', level: 'silent' }),
  });
  const url = await server.listen(0);
  return {
    url,
    async query(query, options = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLTestResponse['body'],
      };
    },
    stop: () => server.stop(),
  };
}
