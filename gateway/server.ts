import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { createGraphQLHandler } from '../subgraphs/kit/http/create-graphql-handler';
import { sendGraphQLError, sendJson } from '../subgraphs/kit/http/send-json';
import type { Logger } from '../subgraphs/kit/logger';
import { createHttpService } from '../subgraphs/kit/http/create-http-service';
import { createGatewayContext, type GatewayContext } from './context';
import { formatGatewayError, isKnownGatewayError } from './format-gateway-error';
import { ForwardingDataSource } from './forwarding-data-source';
import { createContentProxy } from './create-content-proxy';
import { createReadinessCheck } from './create-readiness-check';
import { EXPLORER_PAGE } from './explorer-page';
import { readSubgraphUrls } from './read-subgraph-urls';
import {
  createQueryLimitRules,
  DEFAULT_QUERY_LIMITS,
  type QueryLimits,
} from './query-limits/create-query-limit-rules';
import { hideTokenLimit } from './query-limits/hide-token-limit';
import { createSubgraphFetcher } from './subgraph-calls/create-subgraph-fetcher';
import {
  DEFAULT_SUBGRAPH_CALL_SETTINGS,
  type SubgraphCallSettings,
} from './subgraph-calls/subgraph-call-settings';

export interface GatewayServerOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URLs by name, overriding those in the supergraph. */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
  /**
   * Introspection, and "Did you mean …" suggestions in validation errors (both show the schema).
   * @default true; switched off in production.
   */
  introspection?: boolean;
  /** Limits on each query; unset ones take DEFAULT_QUERY_LIMITS. */
  queryLimits?: Partial<QueryLimits>;
  /** The HTTP client under the subgraph calls (wrapped, per subgraph). @default globalThis.fetch */
  fetcher?: typeof fetch;
  /** Timeouts, size cap, retries and breaker of subgraph calls; unset ones take the defaults. */
  subgraphCalls?: Partial<SubgraphCallSettings>;
  /** @default () => new Date() */
  now?: () => Date;
}

/** HTTP paths passed on to a subgraph's own routes (file content), by subgraph name. */
const CONTENT_PREFIXES: { prefix: string; serviceName: string }[] = [
  { prefix: '/indhold', serviceName: 'dokument' },
  { prefix: '/dokumenter', serviceName: 'dokument' },
];

export interface GatewayServer {
  httpServer: Server;
  /** Starts listening; resolves with the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, drains in-flight requests, then resolves. */
  stop(): Promise<void>;
}

function createErrorLoggingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isKnownGatewayError({ message: error.message, extensions: error.extensions }))
              continue;
            const cause = error.originalError ?? error;
            contextValue.logger.error(
              {
                err: { type: cause.name, message: cause.message, stack: cause.stack },
                path: error.path,
              },
              'unexpected error',
            );
          }
        },
      };
    },
  };
}

/**
 * The federated gateway on a static supergraph. Each request gets one fixed point in time that
 * every subgraph fetch carries. Side-effect free until `listen`.
 */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const now = options.now ?? (() => new Date());
  const subgraphUrls = { ...readSubgraphUrls(options.supergraphSdl), ...options.subgraphUrls };
  const checkReady = createReadinessCheck({ subgraphUrls });
  const proxyContent = createContentProxy(
    CONTENT_PREFIXES.filter((p) => subgraphUrls[p.serviceName]).map((p) => ({
      ...p,
      target: (subgraphUrls[p.serviceName] ?? '').replace(/\/graphql$/, ''),
    })),
  );
  const calls = { ...DEFAULT_SUBGRAPH_CALL_SETTINGS, ...options.subgraphCalls };
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new ForwardingDataSource({
        name,
        url: subgraphUrls[name] ?? url ?? '',
        // One fetcher per subgraph, so each has its own circuit breaker.
        fetcher: createSubgraphFetcher({
          serviceName: name,
          timeoutMs: calls.timeoutMs,
          maxResponseBytes: calls.maxResponseBytes,
          retries: calls.retries,
          retryBaseDelayMs: calls.retryBaseDelayMs,
          maxRetryDelayMs: calls.maxRetryDelayMs,
          breaker: {
            failureThreshold: calls.breakerFailureThreshold,
            resetMs: calls.breakerResetMs,
          },
          fetch: options.fetcher ?? fetch,
        }),
      }),
  });
  const service = createHttpService({
    logger: options.logger,
    handle: async (req, res, path) => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      if (path === '/ready') {
        const { ready, subgraphs } = await checkReady();
        return sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'unavailable',
          subgraphs,
        });
      }
      if (path === '/graphql') return handleGraphQL(req, res);
      if (
        await proxyContent(req, res, path, () => createGatewayContext(req, options.logger, now()))
      ) {
        return;
      }
      if (path === '/' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(EXPLORER_PAGE);
        return;
      }
      sendGraphQLError(res, 404, 'NOT_FOUND', 'Not found');
    },
  });
  const { httpServer } = service;
  const introspection = options.introspection ?? true;
  const queryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    validationRules: createQueryLimitRules(queryLimits),
    parseOptions: { maxTokens: queryLimits.maxTokens },
    // Both Apollo defaults, stated because the query limits rely on them.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // runService owns the signals: drain, then close the store, then exit.
    stopOnTerminationSignals: false,
    formatError: (formatted) => formatGatewayError(hideTokenLimit(formatted)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      createErrorLoggingPlugin(),
    ],
  });
  await apollo.start();

  const handleGraphQL = createGraphQLHandler<GatewayContext>({
    server: apollo,
    createContext: async (req) => createGatewayContext(req, options.logger, now()),
  });

  return {
    ...service,
    stop: () => apollo.stop(),
  };
}
