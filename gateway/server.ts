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
import type { CircuitState } from '../subgraphs/kit/create-circuit-breaker';
import { sendMetrics } from '../subgraphs/kit/metrics/send-metrics';
import type { Logger } from '../subgraphs/kit/logger';
import { createHttpService } from '../subgraphs/kit/http/create-http-service';
import type { RequestTracer } from '../subgraphs/kit/tracing/create-request-tracer';
import { createRequestTracing } from '../subgraphs/kit/tracing/create-request-tracing';
import { authenticateRequest } from './authenticate-request';
import { createGatewayContext, type GatewayContext } from './context';
import {
  createPersistedQueryCache,
  DEFAULT_PERSISTED_QUERY_CACHE_BYTES,
} from './create-persisted-query-cache';
import { formatGatewayError, isKnownGatewayError } from './format-gateway-error';
import { ForwardingDataSource } from './forwarding-data-source';
import { createContentProxy, type ContentRoute } from './create-content-proxy';
import { createOperationResolutionPlugin } from './create-operation-resolution-plugin';
import { createReadinessCheck } from './create-readiness-check';
import { createExplorerRoutes, type ExplorerOptions } from './explorer/create-explorer-routes';
import { readSubgraphUrls } from './read-subgraph-urls';
import { createSchemaDocument } from './schema-document/create-schema-document';
import { createStaticSupergraphSource } from './supergraph/create-static-supergraph-source';
import type { SupergraphSource, SupergraphStatus } from './supergraph/supergraph-source';
import {
  createQueryLimitRules,
  DEFAULT_QUERY_LIMITS,
  type QueryLimits,
} from './query-limits/create-query-limit-rules';
import { hideTokenLimit } from './query-limits/hide-token-limit';
import { readCostDirectives, type CostDirectives } from './query-limits/read-cost-directives';
import { createGatewayMetrics } from './metrics/create-gateway-metrics';
import { createRequestMeter } from './metrics/create-request-meter';
import { createMemoryRateLimitStore } from './rate-limits/create-memory-rate-limit-store';
import { createRateLimiter } from './rate-limits/create-rate-limiter';
import {
  DEFAULT_RATE_LIMIT_SETTINGS,
  type RateLimitSettings,
} from './rate-limits/rate-limit-settings';
import type { RateLimitStore } from './rate-limits/rate-limit-store';
import { createSlaRecorder } from './status/create-sla-recorder';
import { getGatewayStatus } from './status/get-gateway-status';
import { createSubgraphFetcher } from './subgraph-calls/create-subgraph-fetcher';
import {
  DEFAULT_SUBGRAPH_CALL_SETTINGS,
  type SubgraphCallSettings,
} from './subgraph-calls/subgraph-call-settings';

export interface GatewayServerOptions {
  /**
   * The composed supergraph: its SDL, fixed for the server's life, or a source that loads it and
   * swaps in new versions while serving (createSupergraphSource).
   */
  supergraphSdl: string | SupergraphSource;
  /** Subgraph URLs by name, overriding those in the supergraph. */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
  /**
   * Verifies the bearer token of every request but /health, /ready, /metrics, /status,
   * /favicon.ico and the explorer page (GET / and its bundle, when switched on),
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
  /**
   * Distinct operation names labelled in /metrics before the rest count as `other`.
   * @default DEFAULT_MAX_OPERATION_NAMES (100)
   */
  maxOperationLabels?: number;
  /** The process's own metrics (CPU, memory, event loop, GC) in /metrics. @default true */
  processMetrics?: boolean;
  /**
   * Budgets per caller and per client address, checked on every route that needs a token.
   * @default DEFAULT_RATE_LIMIT_SETTINGS
   */
  rateLimits?: RateLimitSettings;
  /**
   * Where the budgets are kept (createRateLimitStore: Redis for several gateways); the caller
   * closes it. @default a new in-memory store
   */
  rateLimitStore?: RateLimitStore;
  /** @default () => new Date() */
  now?: () => Date;
  /** The explorer page at / (GraphiQL); without it / needs a token like any other path. */
  explorer?: ExplorerOptions;
  /**
   * Tell in a 401 why the token was refused (RFC 6750 error_description): for development only,
   * production answers every failure alike. @default false
   */
  explainUnauthenticated?: boolean;
}

/**
 * Answers from this size on go out compressed to clients that accept it: a page of cases with
 * their documents is tens to hundreds of kilobytes of repetitive JSON.
 */
const COMPRESS_FROM_BYTES = 16 * 1024;

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
  /** From now on `/ready` answers 503 (requests are still served); runService calls it first. */
  startDraining(): void;
  /** The supergraph in use and how its reloads went. */
  getSupergraphStatus(): SupergraphStatus;
  /** Exports a span per GraphQL request through `tracer` (runService passes it when configured). */
  useTracer(tracer: RequestTracer): void;
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
                // The type only: a message or stack can quote a driver, an internal address or data.
                err: { type: cause.name },
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
 * The federated gateway. Each request is authenticated first, then gets one fixed point in time
 * that every subgraph fetch carries with the caller's verified token. Nothing listens until
 * `listen`; a supergraph source is read on creation and watched until `stop`.
 */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const now = options.now ?? (() => new Date());
  const supergraph =
    typeof options.supergraphSdl === 'string'
      ? createStaticSupergraphSource(options.supergraphSdl, now)
      : options.supergraphSdl;
  // Filled in place on every supergraph load (the readiness check and the content proxy read
  // them per request), so a reloaded supergraph's subgraphs are checked and reached too.
  const subgraphUrls: Record<string, string> = {};
  const contentRoutes: ContentRoute[] = [];
  // The list sizes and weights the subgraphs declare, read anew from every supergraph loaded.
  let costDirectives: CostDirectives = new Map();
  const checkReady = createReadinessCheck({ subgraphUrls });
  const proxyContent = createContentProxy(contentRoutes, { fetch: options.fetcher ?? fetch });
  const calls = { ...DEFAULT_SUBGRAPH_CALL_SETTINGS, ...options.subgraphCalls };
  // Per server, never module-wide: several gateways may run in one process.
  const breakerStates = new Map<string, () => CircuitState>();
  const getBreakerStates = (): Record<string, CircuitState> =>
    Object.fromEntries([...breakerStates].map(([name, getState]) => [name, getState()]));
  const sla = createSlaRecorder();
  const metrics = createGatewayMetrics({
    sla,
    getBreakerStates,
    maxOperationNames: options.maxOperationLabels,
    processMetrics: options.processMetrics,
    getSupergraphStatus: supergraph.getSupergraphStatus,
  });
  const requestMeter = createRequestMeter(metrics);
  const rateLimiter = createRateLimiter({
    settings: options.rateLimits ?? DEFAULT_RATE_LIMIT_SETTINGS,
    store: options.rateLimitStore ?? createMemoryRateLimitStore(),
    registry: metrics.registry,
    logger: options.logger,
  });
  const tracing = createRequestTracing<GatewayContext>({
    service: 'gateway',
    getTrace: (context) => context.trace,
  });
  const createFetcher = (name: string): typeof fetch => {
    const fetcher = createSubgraphFetcher({
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
      onFetch: (event) => {
        metrics.recordFetch(event);
        sla.record(event);
      },
    });
    // A rebuilt data source (new URL after a reload) brings a new breaker; it replaces the old.
    breakerStates.set(name, fetcher.getBreakerState);
    sla.addSubgraph(name);
    return fetcher;
  };
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    // Outside production the gateway validates by default; a supergraph that does not validate
    // must be refused in production too, before it replaces the one in use.
    validateSupergraph: true,
    // Called again for each subgraph whose URL in a new supergraph differs, so the configured
    // URLs keep overriding the composed ones after a reload.
    buildService: ({ name, url }) =>
      new ForwardingDataSource({
        name,
        url: options.subgraphUrls?.[name] ?? url ?? '',
        // One fetcher per subgraph, so each has its own circuit breaker.
        fetcher: createFetcher(name),
      }),
  });
  // GET /schema.graphql: for any caller with a valid token, whatever INTROSPECTION says (the SDL
  // is published with the project; introspection is switched off for its cost, not secrecy).
  const schemaDocument = createSchemaDocument();
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl, apiSchema }) => {
    schemaDocument.update(apiSchema);
    costDirectives = readCostDirectives(coreSupergraphSdl);
    const urls = { ...readSubgraphUrls(coreSupergraphSdl), ...options.subgraphUrls };
    for (const name of Object.keys(subgraphUrls)) Reflect.deleteProperty(subgraphUrls, name);
    Object.assign(subgraphUrls, urls);
    contentRoutes.splice(
      0,
      contentRoutes.length,
      ...CONTENT_PREFIXES.filter((p) => urls[p.serviceName]).map((p) => ({
        ...p,
        target: (urls[p.serviceName] ?? '').replace(/\/graphql$/, ''),
      })),
    );
  });
  const serveExplorer = createExplorerRoutes(options.explorer, options.logger);
  const service = createHttpService({
    logger: options.logger,
    handle: async (req, res, path) => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      // Open like /health, for scrapers and the suppliers' follow-up: counters and per-subgraph
      // aggregates only (no URL, query, caller or token).
      if (path === '/metrics') return sendMetrics(res, metrics.registry);
      if (path === '/status') return sendJson(res, 200, getGatewayStatus(sla, getBreakerStates()));
      // Shutting down: out of rotation at once, while in-flight and new requests are served.
      if (path === '/ready' && service.isDraining()) {
        return sendJson(res, 503, { status: 'draining' });
      }
      if (path === '/ready') {
        const { ready, subgraphs } = await checkReady();
        return sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'unavailable',
          subgraphs,
        });
      }
      // The explorer page and its bundle when switched on, and /favicon.ico always.
      if (serveExplorer(req, res, path)) return;
      // Everything else needs a token, unknown paths included, so the public routes are exactly
      // the ones above.
      const meter = path === '/graphql' ? requestMeter.track(res) : undefined;
      if (!(await rateLimiter.admitAddress(req, res))) return;
      const authentication = await authenticateRequest(
        options.authenticate,
        req,
        res,
        options.explainUnauthenticated,
      );
      if (!authentication) return;
      if (!(await rateLimiter.admitCaller(authentication.caller, req, res))) return;
      const context = createGatewayContext(req, options.logger, now(), authentication);
      meter?.attach(context);
      if (path === '/graphql') return handleGraphQL(req, res, context);
      if (path === '/schema.graphql') return schemaDocument.send(req, res);
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
    validationRules: createQueryLimitRules(queryLimits, () => costDirectives),
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
      createOperationResolutionPlugin<GatewayContext>(),
      createErrorLoggingPlugin(),
      requestMeter.plugin,
      tracing.plugin,
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
      compressFromBytes: COMPRESS_FROM_BYTES,
    })(req, res);
  }

  return {
    ...service,
    stop: () => apollo.stop(),
    getSupergraphStatus: supergraph.getSupergraphStatus,
    useTracer: tracing.useTracer,
  };
}
