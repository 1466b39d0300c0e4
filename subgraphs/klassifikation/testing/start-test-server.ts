import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { seedKlassifikation } from '../seed/seed-klassifikation';
import { createKlassifikationServer } from '../server';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  /** POSTs one operation and returns the parsed response. */
  query<T = Record<string, unknown>>(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/**
 * The klassifikation subgraph in the test process on port 0, over `store` (by default a fresh
 * embedded store with the KLE seed). For the subgraph's own tests; silent logs.
 */
export async function startTestServer(store?: BitemporalStore): Promise<TestServer> {
  let used = store;
  if (!used) {
    used = createEmbeddedStore();
    await seedKlassifikation(used);
  }
  const server = await createKlassifikationServer({
    store: used,
    logger: createLogger({ name: 'klassifikation-test', level: 'silent' }),
  });
  const url = await server.listen(0);
  return {
    url,
    async query<T>(
      query: string,
      options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
    ) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
      return { status: response.status, ...body };
    },
    stop: () => server.stop(),
  };
}
