import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayServer, type GatewayServer } from '../gateway/server';
import { createLogger } from '../subgraphs/kit/logger';
import type { SubgraphServer } from '../subgraphs/kit/create-subgraph-server';
import {
  createOfflineBbrUpstream,
  type OfflineBbrUpstream,
} from '../subgraphs/bbr/offline/create-offline-bbr-upstream';
import { createBbrServer } from '../subgraphs/bbr/server';
import { createBbrClient } from '../subgraphs/bbr/upstream/create-bbr-client';
import { createDiskContentStore } from '../subgraphs/kit/content/create-disk-content-store';
import { createEmbeddedStore } from '../subgraphs/kit/store/embedded-store';
import { createDokumentServer } from '../subgraphs/dokument/server';
import { seedDokument } from '../subgraphs/dokument/seed/seed-dokument';
import { createSagServer } from '../subgraphs/sag/server';
import { seedSag } from '../subgraphs/sag/seed/seed-sag';
import { importKle } from '../subgraphs/klassifikation/kle/import-kle';
import { createKlassifikationServer } from '../subgraphs/klassifikation/server';
import { seedKlassifikation } from '../subgraphs/klassifikation/seed/seed-klassifikation';
import { createOrganisationServer } from '../subgraphs/organisation/server';
import { seedOrganisation } from '../subgraphs/organisation/seed/seed-organisation';
import { countStoreCalls, type CountedStore } from './count-store-calls';

export type SubgraphName = 'organisation' | 'klassifikation' | 'sag' | 'dokument' | 'bbr';

/** The subgraphs that keep a store (bbr reads an upstream instead). */
export type StoredSubgraphName = Exclude<SubgraphName, 'bbr'>;

/** One subgraph fetch the gateway made. */
export interface RecordedFetch {
  service: SubgraphName;
  headers: Record<string, string>;
}

export interface StartedGraph {
  /** The gateway's GraphQL endpoint. */
  url: string;
  stores: Record<StoredSubgraphName, CountedStore>;
  /** The offline BBR upstream the bbr subgraph reads, with its request log and fault switches. */
  bbrUpstream: OfflineBbrUpstream;
  subgraphs: Record<SubgraphName, SubgraphServer>;
  /** Every subgraph fetch since the last `resetCounts`. */
  fetches: RecordedFetch[];
  resetCounts(): void;
  /** POSTs a query to the gateway. */
  query(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<{ status: number; body: GraphQLResponseBody }>;
  stop(): Promise<void>;
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * The whole graph in the test process: each subgraph on its own port (0) with its own embedded
 * store and the demo seed, and the gateway on the committed supergraph in front of them.
 */
/** Ids per upstream BBR call. */
export const BBR_BATCH_SIZE = 20;

export const FULL_KLE_FILE = join(
  __dirname,
  '..',
  '..',
  'shared',
  'data',
  'kle',
  'kle-emneplan.csv',
);

export interface StartGraphOptions {
  /** Import the full KLE from ../shared/data as well as the seed. */
  fullKle?: boolean;
}

export async function startGraph(options: StartGraphOptions = {}): Promise<StartedGraph> {
  const logger = createLogger({ name: 'test', level: 'silent' });
  const stores: Record<StoredSubgraphName, CountedStore> = {
    organisation: countStoreCalls(createEmbeddedStore()),
    klassifikation: countStoreCalls(createEmbeddedStore()),
    sag: countStoreCalls(createEmbeddedStore()),
    dokument: countStoreCalls(createEmbeddedStore()),
  };
  const bbrUpstream = await createOfflineBbrUpstream();
  const contentDir = mkdtempSync(join(tmpdir(), 'graf-indhold-'));
  const contentStore = await createDiskContentStore({ dir: contentDir });
  await seedOrganisation(stores.organisation.store);
  await seedKlassifikation(stores.klassifikation.store);
  await seedSag(stores.sag.store);
  await seedDokument(stores.dokument.store, contentStore);
  if (options.fullKle) {
    await importKle(stores.klassifikation.store, readFileSync(FULL_KLE_FILE, 'utf8'), {
      aktoer: 'test',
    });
  }

  const subgraphs: Record<SubgraphName, SubgraphServer> = {
    organisation: await createOrganisationServer({ store: stores.organisation.store, logger }),
    klassifikation: await createKlassifikationServer({
      store: stores.klassifikation.store,
      logger,
    }),
    sag: await createSagServer({ store: stores.sag.store, logger }),
    dokument: await createDokumentServer({ store: stores.dokument.store, contentStore, logger }),
    bbr: await createBbrServer({
      client: createBbrClient({
        baseUrl: bbrUpstream.url,
        timeoutMs: 1000,
        retries: 1,
        maxRetryDelayMs: 1000,
        retryBaseDelayMs: 10,
        cacheTtlMs: 60_000,
        cacheMaxEntries: 1000,
        batchSize: BBR_BATCH_SIZE,
        breakerFailureThreshold: 5,
        breakerResetMs: 30_000,
        logger,
      }),
      logger,
    }),
  };
  const urls: Record<string, string> = {};
  const services = new Map<string, SubgraphName>();
  for (const name of Object.keys(subgraphs) as SubgraphName[]) {
    urls[name] = await subgraphs[name].listen(0);
    services.set(urls[name], name);
  }

  const fetches: RecordedFetch[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const service = services.get(url);
    if (service) {
      fetches.push({ service, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    }
    return fetch(input, init);
  };
  const gateway: GatewayServer = await createGatewayServer({
    supergraphSdl: readFileSync(join(__dirname, '..', 'schema', 'supergraph.graphql'), 'utf8'),
    subgraphUrls: urls,
    logger,
    fetcher: recordingFetch,
  });
  const url = await gateway.listen(0);

  return {
    url,
    stores,
    bbrUpstream,
    subgraphs,
    fetches,
    resetCounts() {
      fetches.length = 0;
      for (const counted of Object.values(stores)) counted.reset();
    },
    async query(query, request = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...request.headers },
        body: JSON.stringify({ query, variables: request.variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponseBody };
    },
    async stop() {
      await gateway.stop();
      for (const subgraph of Object.values(subgraphs)) await subgraph.stop();
      await contentStore.close();
      await bbrUpstream.stop();
      rmSync(contentDir, { recursive: true, force: true });
    },
  };
}
