import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_RATE_LIMITS } from '../gateway/rate-limits/rate-limit-settings';
import { createGatewayServer, type GatewayServer } from '../gateway/server';
import { createSupergraphSource } from '../gateway/supergraph/create-supergraph-source';
import { Writable } from 'node:stream';
import type { JWTPayload } from 'jose';
import { createHttpOrganisationDirectory } from '../subgraphs/kit/auth/create-http-organisation-directory';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import type { AuditLog } from '../subgraphs/kit/audit/audit-log';
import { createEmbeddedAuditLog } from '../subgraphs/kit/audit/embedded-audit-log';
import { createHttpSagLookup } from '../subgraphs/dokument/sag-lookup/create-http-sag-lookup';
import { createLogger } from '../subgraphs/kit/logger';
import type { SubgraphServer } from '../subgraphs/kit/create-subgraph-server';
import {
  createOfflineBbrUpstream,
  type OfflineBbrUpstream,
} from '../subgraphs/bbr/offline/create-offline-bbr-upstream';
import { createBbrServer } from '../subgraphs/bbr/server';
import { createTestBbrClient } from '../subgraphs/bbr/testing/create-test-bbr-client';
import { createDiskContentStore } from '../subgraphs/kit/content/create-disk-content-store';
import { createEmbeddedStore } from '../subgraphs/kit/store/embedded-store';
import { createDokumentServer } from '../subgraphs/dokument/server';
import { seedDokument } from '../subgraphs/dokument/seed/seed-dokument';
import { createHttpKleLookup } from '../subgraphs/sag/klassifikation/create-http-kle-lookup';
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
  gateway: GatewayServer;
  stores: Record<StoredSubgraphName, CountedStore>;
  /** The offline BBR upstream the bbr subgraph reads, with its request log and fault switches. */
  bbrUpstream: OfflineBbrUpstream;
  subgraphs: Record<SubgraphName, SubgraphServer>;
  /** Each subgraph's own GraphQL endpoint, for calls that bypass the gateway. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Every subgraph fetch since the last `resetCounts`. */
  fetches: RecordedFetch[];
  /** The dokument subgraph's calls to the case index (sag) since the last `resetCounts`. */
  sagLookups: RecordedFetch[];
  resetCounts(): void;
  /** The access logs of the subgraphs that hold personal data. */
  auditLogs: Record<'sag' | 'dokument', AuditLog>;
  /** Every line the gateway and the subgraphs logged (level info and up). */
  logLines: string[];
  /** Signs a token the graph accepts. */
  sign(claims: JWTPayload): Promise<string>;
  /** An Authorization header value with every role in every seeded municipality. */
  authorization: string;
  /**
   * POSTs a query to the gateway, with a full-access token unless `token` is given (null: no
   * Authorization header at all).
   */
  query(
    query: string,
    options?: {
      variables?: Record<string, unknown>;
      headers?: Record<string, string>;
      token?: string | null;
    },
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
/** Access log retention in the test graph (the default of six months). */
const AUDIT_RETENTION_MS = 183 * 24 * 60 * 60 * 1000;

/** Ids per upstream BBR call. */
export const BBR_BATCH_SIZE = 20;

/** The API key the offline BBR upstream of the test graph accepts. */
export const BBR_TEST_API_KEY = 'test-graph-bbr-key';

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
  /**
   * Serve the supergraph from this file, checked for new versions every `supergraphPollMs`
   * (and on file events). @default the committed supergraph, fixed
   */
  supergraphFile?: string;
  /** @default DEFAULT_SUPERGRAPH_POLL_MS */
  supergraphPollMs?: number;
  /** The API key the bbr subgraph sends its upstream. @default BBR_TEST_API_KEY, the accepted one */
  bbrApiKey?: string;
}

export async function startGraph(options: StartGraphOptions = {}): Promise<StartedGraph> {
  const logLines: string[] = [];
  const logger = createLogger({
    name: 'test',
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  const issuer = await getTestIssuer();
  const authenticate = issuer.createAuthenticator();
  const stores: Record<StoredSubgraphName, CountedStore> = {
    organisation: countStoreCalls(createEmbeddedStore()),
    klassifikation: countStoreCalls(createEmbeddedStore()),
    sag: countStoreCalls(createEmbeddedStore()),
    dokument: countStoreCalls(createEmbeddedStore()),
  };
  const bbrUpstream = await createOfflineBbrUpstream({
    credentials: { apiKey: BBR_TEST_API_KEY },
  });
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

  const auditLogs = {
    sag: createEmbeddedAuditLog({ retentionMs: AUDIT_RETENTION_MS }),
    dokument: createEmbeddedAuditLog({ retentionMs: AUDIT_RETENTION_MS }),
  };
  const urls: Record<string, string> = {};
  const sagLookups: RecordedFetch[] = [];
  const services = new Map<string, SubgraphName>();
  const subgraphs = {} as Record<SubgraphName, SubgraphServer>;
  // Started one after another: sag and dokument call organisation (and dokument calls sag) on
  // the caller's behalf, so each needs the URLs of those before it.
  const start = async (name: SubgraphName, server: SubgraphServer): Promise<void> => {
    subgraphs[name] = server;
    urls[name] = await server.listen(0);
    services.set(urls[name], name);
  };
  await start(
    'organisation',
    await createOrganisationServer({ store: stores.organisation.store, logger, authenticate }),
  );
  await start(
    'klassifikation',
    await createKlassifikationServer({
      store: stores.klassifikation.store,
      logger,
      authenticate,
    }),
  );
  const directory = createHttpOrganisationDirectory({ url: urls.organisation ?? '' });
  await start(
    'sag',
    await createSagServer({
      store: stores.sag.store,
      logger,
      authenticate,
      directory,
      kle: createHttpKleLookup({ url: urls.klassifikation ?? '' }),
      auditLog: auditLogs.sag,
      auditRetentionMs: AUDIT_RETENTION_MS,
    }),
  );
  await start(
    'dokument',
    await createDokumentServer({
      store: stores.dokument.store,
      contentStore,
      logger,
      authenticate,
      directory,
      sagLookup: createHttpSagLookup({
        url: urls.sag ?? '',
        fetch: async (input, init) => {
          sagLookups.push({
            service: 'sag',
            headers: Object.fromEntries(new Headers(init?.headers).entries()),
          });
          return fetch(input, init);
        },
      }),
      auditLog: auditLogs.dokument,
      auditRetentionMs: AUDIT_RETENTION_MS,
    }),
  );
  await start(
    'bbr',
    await createBbrServer({
      client: createTestBbrClient(bbrUpstream, {
        credentials: { kind: 'api-key', apiKey: options.bbrApiKey ?? BBR_TEST_API_KEY },
        batchSize: BBR_BATCH_SIZE,
        maxRetryDelayMs: 1000,
        logger,
      }),
      logger,
      authenticate,
    }),
  );

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
    supergraphSdl: options.supergraphFile
      ? createSupergraphSource({
          location: { kind: 'file', path: options.supergraphFile },
          pollMs: options.supergraphPollMs,
          logger,
        })
      : readFileSync(join(__dirname, '..', 'schema', 'supergraph.graphql'), 'utf8'),
    subgraphUrls: urls,
    logger,
    fetcher: recordingFetch,
    authenticate,
    // These tests send bursts from one token and one address on purpose; rate limits have their
    // own (gateway/rate-limits.test.ts).
    rateLimits: NO_RATE_LIMITS,
  });
  const url = await gateway.listen(0);
  const fullAccessToken = await issuer.sign(getFullAccessClaims());

  return {
    url,
    gateway,
    stores,
    bbrUpstream,
    subgraphs,
    subgraphUrls: urls as Record<SubgraphName, string>,
    fetches,
    sagLookups,
    resetCounts() {
      fetches.length = 0;
      sagLookups.length = 0;
      for (const counted of Object.values(stores)) counted.reset();
    },
    auditLogs,
    logLines,
    sign: (claims) => issuer.sign(claims),
    authorization: `Bearer ${fullAccessToken}`,
    async query(query, request = {}) {
      const token = request.token === undefined ? fullAccessToken : request.token;
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...request.headers,
        },
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
