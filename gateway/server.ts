import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Authenticator } from '../subgraphs/kit/auth/create-authenticator';
import { createGraphQLHandler } from '../subgraphs/kit/http/create-graphql-handler';
import { sendGraphQLError, sendJson } from '../subgraphs/kit/http/send-json';
import type { Logger } from '../subgraphs/kit/logger';
import { createHttpService } from '../subgraphs/kit/http/create-http-service';
import { authenticateRequest } from './authenticate-request';
import { createGatewayContext, type GatewayContext } from './context';
import {
  createPersistedQueryCache,
  DEFAULT_PERSISTED_QUERY_CACHE_BYTES,
} from './create-persisted-query-cache';
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
   * Verifies the bearer token of every request but /health, /ready and the explorer page (GET /),
   * before anything else is done with it: GraphQL, the content routes and unknown paths alike.
   * The verified token is what the gateway forwards to the subgraphs.
   */
  authenticate: Authenticator;
  /**
   * Introspection, and "Did you mean …" suggestions in validation errors (both show the schema).
   * @default false
   */
  introspection?: boolean;
  /**
   * Bound, in UTF-8 bytes of hashes and query texts, of the in-memory cache of automatic
   * persisted queries (least recently used dropped first); 0 switches persisted queries off.
   * @default DEFAULT_PERSISTED_QUERY_CACHE_BYTES (8 MiB)
   */
  persistedQueryCacheBytes?: number;
  /** Limits on each query; unset ones take DEFAULT_QUERY_LIMITS. */
  queryLimits?: Partial<QueryLimits>;
  /**
   * The HTTP client under the subgraph calls (wrapped, per subgraph) and the content routes.
   * @default globalThis.fetch
   */
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
 * The federated gateway on a static supergraph. Each request is authenticated first, then gets
 * one fixed point in time that every subgraph fetch carries with the caller's verified token.
 * Side-effect free until `listen`.
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
    { fetch: options.fetcher ?? fetch },
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
      if (path === '/' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(EXPLORER_PAGE);
        return;
      }
      // Everything else needs a token, unknown paths included, so the public routes are exactly
      // the ones above.
      const authentication = await authenticateRequest(options.authenticate, req, res);
      if (!authentication) return;
      const context = createGatewayContext(req, options.logger, now(), authentication);
      if (path === '/graphql') return handleGraphQL(req, res, context);
      if (await proxyContent(req, res, path, context)) return;
      sendGraphQLError(res, 404, 'NOT_FOUND', 'Not found');
    },
  });
  const { httpServer } = service;
  const introspection = options.introspection ?? false;
  const persistedQueryCacheBytes =
    options.persistedQueryCacheBytes ?? DEFAULT_PERSISTED_QUERY_CACHE_BYTES;
  const queryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    validationRules: createQueryLimitRules(queryLimits),
    parseOptions: { maxTokens: queryLimits.maxTokens },
    // Both Apollo defaults, stated because the query limits rely on them: a batch would multiply
    // every limit by its length (Apollo answers an array body with 400 BAD_REQUEST), and CSRF
    // prevention refuses a GET or simple POST without a preflight-forcing header.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // A persisted query goes through the same parsing and validation as any other (the limits
    // and the token limit included; Apollo reuses only documents that passed) and is registered
    // only once it has passed.
    persistedQueries:
      persistedQueryCacheBytes > 0
        ? { cache: createPersistedQueryCache(persistedQueryCacheBytes) }
        : false,
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

  /** Serves one GraphQL request with the context built (and authenticated) for it. */
  function handleGraphQL(
    req: IncomingMessage,
    res: ServerResponse,
    context: GatewayContext,
  ): Promise<void> {
    return createGraphQLHandler<GatewayContext>({
      server: apollo,
      createContext: async () => context,
    })(req, res);
  }

  return {
    ...service,
    stop: () => apollo.stop(),
  };
}
