import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentStore } from '../../kit/content/content-store';
import { createDiskContentStore } from '../../kit/content/create-disk-content-store';
import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createDokumentServer } from '../server';

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
  /** The GraphQL endpoint. */
  url: string;
  /** The server's origin, for the content routes. */
  origin: string;
  /** The directory of the disk content store. */
  contentDir: string;
  contentStore: ContentStore;
  /** POSTs a query; `headers` carry Virkningstid / Registreringstid. */
  query(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<GraphQLTestResponse>;
  /** Stops the server and deletes the content directory. */
  stop(): Promise<void>;
}

/**
 * The dokument subgraph over `store` with a disk content store in a fresh temporary directory
 * (or `contentStore`), listening on a free port, for in-process tests.
 */
export async function startTestServer(
  store: BitemporalStore,
  options: { maxContentBytes?: number; contentStore?: ContentStore } = {},
): Promise<TestServer> {
  const contentDir = await mkdtemp(join(tmpdir(), 'dokument-test-'));
  const contentStore = options.contentStore ?? (await createDiskContentStore({ dir: contentDir }));
  const server = await createDokumentServer({
    store,
    contentStore,
    logger: createLogger({ name: 'dokument-test', level: 'silent' }),
    maxContentBytes: options.maxContentBytes,
  });
  const url = await server.listen(0);
  return {
    url,
    origin: new URL(url).origin,
    contentDir,
    contentStore,
    async query(query, queryOptions = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...queryOptions.headers },
        body: JSON.stringify({ query, variables: queryOptions.variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLTestResponse['body'],
      };
    },
    async stop() {
      await server.stop();
      await rm(contentDir, { recursive: true, force: true });
    },
  };
}
