import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentStore } from '../../kit/content/content-store';
import { createDiskContentStore } from '../../kit/content/create-disk-content-store';
import { createLogger } from '../../kit/logger';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { startTestSubgraph, type TestSubgraph } from '../../kit/testing/start-test-subgraph';
import { createDokumentServer } from '../server';

export type { GraphQLTestResponse } from '../../kit/testing/start-test-subgraph';

export interface TestServer extends TestSubgraph {
  /** The server's origin, for the content routes. */
  origin: string;
  /** The directory of the disk content store. */
  contentDir: string;
  contentStore: ContentStore;
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
  const subgraph = await startTestSubgraph(server);
  return {
    url: subgraph.url,
    origin: new URL(subgraph.url).origin,
    contentDir,
    contentStore,
    query: subgraph.query,
    async stop() {
      await subgraph.stop();
      await rm(contentDir, { recursive: true, force: true });
    },
  };
}
