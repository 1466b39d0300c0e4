/**
 * A tiny subgraph run the way production runs one (runService: signals, grace period, drain,
 * span flush), for tests that need a real process to signal. `Query.langsom` answers after
 * SLOW_MS milliseconds (default 300) and logs "slow request started" when it begins. Settings
 * come from the shared service configuration (AUTH_* required but unused: every caller is
 * anonymous here).
 */
import { parse } from 'graphql';
import { allow } from 'graphql-shield';
import { ANONYMOUS_CALLER } from '../auth/caller';
import { loadServiceConfig } from '../config';
import { createSubgraphServer, type RequestContext } from '../create-subgraph-server';
import { createLogger } from '../logger';
import { exitOnStartupFailure, runService } from '../run-service';
import { createTracerFromConfig } from '../tracing/create-tracer-from-config';

async function main(): Promise<void> {
  const config = loadServiceConfig(process.env, { name: 'langsom', defaultPort: 0 });
  const slowMs = Number(process.env.SLOW_MS ?? '300');
  const logger = createLogger({ name: 'langsom', level: config.logLevel });
  const server = await createSubgraphServer<RequestContext>({
    name: 'langsom',
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Ting @key(fields: "id") { id: ID! }
      type Query { langsom: String! }
    `),
    resolvers: {
      Query: {
        langsom: async (_: unknown, __: unknown, context: RequestContext) => {
          context.logger.info('slow request started');
          await new Promise((resolve) => setTimeout(resolve, slowMs));
          return 'færdig';
        },
      },
      Ting: { __resolveReference: (ref: { id: string }) => ref },
    },
    permissions: { Query: { langsom: allow }, Ting: { id: allow } },
    createContext: (base) => base,
    authenticate: async () => ({ caller: ANONYMOUS_CALLER, token: null }),
    checkReady: async () => undefined,
    logger,
  });
  await runService({
    server,
    port: config.port,
    host: config.host,
    logger,
    shutdownGraceMs: config.shutdownGraceMs,
    tracer: createTracerFromConfig('langsom', config.tracing),
  });
}

main().catch(exitOnStartupFailure);
