import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import type { Registry } from 'prom-client';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { Authenticator } from './auth/create-authenticator';
import type { Caller } from './auth/caller';
import { ForbiddenError, isDomainError } from './domain-error';
import { formatError, isDeliberateError } from './format-error';
import { createGraphQLHandler } from './http/create-graphql-handler';
import { sendGraphQLError, sendJson } from './http/send-json';
import type { Logger } from './logger';
import { parsePointInTime, type PointInTime } from './point-in-time';
import { getRequestId } from './request-id';
import { readIdempotencyKey } from './store/idempotency/read-idempotency-key';
import { createHttpService } from './http/create-http-service';
import { createGraphQLMetricsPlugin } from './metrics/create-graphql-metrics-plugin';
import { createMetricsRegistry } from './metrics/create-metrics-registry';
import { sendMetrics } from './metrics/send-metrics';
import type { RequestTracer } from './tracing/create-request-tracer';
import { createRequestTracing } from './tracing/create-request-tracing';
import { createTraceContext, type TraceContext } from './tracing/trace-context';
import { NotReadyError } from './not-ready-error';

/** What every resolver receives, whatever the subgraph. */
export interface RequestContext {
  requestId: string;
  /** A child logger carrying the request id and the W3C trace id. */
  logger: Logger;
  /** The one instant this request is answered for. */
  at: PointInTime;
  /** Who is asking, from the verified token. */
  caller: Caller;
  /** The verified bearer token, for calls made on the caller's behalf. Never log it. */
  token: string | null;
  /**
   * This request's span in its W3C trace (the caller's `traceparent`, or a new trace). Set for
   * every request the server handles; absent only from contexts built by hand.
   */
  trace?: TraceContext;
  /**
   * The request's `Idempotency-Key` header (see `runIdempotent`), null without one. Set for
   * every request the server handles; absent only from contexts built by hand.
   */
  idempotencyKey?: string | null;
}

/** Handles a non-GraphQL route; resolves true when it answered the request. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestContext,
) => Promise<boolean>;

export interface SubgraphServerOptions<TContext extends RequestContext> {
  /** Service name, used in logs and errors. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  /**
   * graphql-shield rules. Anything without a rule is denied; the federation fields `_service`
   * and `_entities` are allowed here, so the types themselves must carry the policy.
   */
  permissions: IRules;
  /** Adds the subgraph's own parts (loaders, store access) to the base context, per request. */
  createContext: (base: RequestContext) => TContext;
  /**
   * Verifies the request's token. Every GraphQL request and every extra route goes through it
   * (`_service` and `_entities` included); only /health, /ready and /metrics answer without a
   * token.
   */
  authenticate: Authenticator;
  /** Rejects when the service cannot serve (its store is unreachable). */
  checkReady: () => Promise<void>;
  logger: Logger;
  /** @default true; switched off in production. */
  introspection?: boolean;
  /** Extra HTTP routes next to /graphql (file content, say). */
  routes?: RouteHandler[];
  /** @default () => new Date() */
  now?: () => Date;
}

export interface SubgraphServer {
  httpServer: Server;
  /** Starts listening; resolves with the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, drains in-flight requests, then resolves. Does not close the store. */
  stop(): Promise<void>;
  /** This server's own metrics, served at /metrics; add the store's histogram here. */
  metrics: Registry;
  /** From now on /ready answers 503 while requests are still served (shutdown has begun). */
  startDraining(): void;
  /** Exports one span per GraphQL request through `tracer`. */
  useTracer(tracer: RequestTracer): void;
}

const READY_TIMEOUT_MS = 2000;

function createErrorLoggingPlugin<TContext extends RequestContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (
              isDeliberateError({ message: error.message, extensions: error.extensions }, error)
            ) {
              continue;
            }
            // Logged once here, masked for the client by formatError.
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

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A federated subgraph over HTTP: Apollo Server on `buildSubgraphSchema`, a deny-by-default
 * permission layer, per-request context, masked errors, `/health`, `/ready` and `/metrics`
 * (Prometheus text from a registry of this server's own). Side-effect free: nothing listens
 * until `listen` is called.
 */
export async function createSubgraphServer<TContext extends RequestContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<SubgraphServer> {
  const now = options.now ?? (() => new Date());
  const schema = applyMiddleware(
    buildSubgraphSchema({
      typeDefs: options.typeDefs,
      // buildSubgraphSchema types every context as unknown; ours is TContext by construction.
      resolvers: options.resolvers as GraphQLResolverMap<unknown>,
    }),
    shield(
      {
        ...options.permissions,
        Query: { ...queryRules(options.permissions), _service: allow, _entities: allow },
        _Service: allow,
      },
      {
        fallbackRule: deny,
        debug: false,
        allowExternalErrors: false,
        // Shield routes resolver errors here too: hand them on unchanged so formatError decides
        // what the client sees. A plain denial (no error) becomes FORBIDDEN.
        fallbackError: async (error: unknown) =>
          error instanceof Error ? error : new ForbiddenError(),
      },
    ),
  );
  const metrics = createMetricsRegistry();
  const tracing = createRequestTracing<TContext>({
    service: options.name,
    getTrace: (context) => context.trace,
  });
  const service = createHttpService({
    logger: options.logger,
    handle: async (req, res, path) => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok' });
      if (path === '/metrics') return sendMetrics(res, metrics);
      if (path === '/ready') {
        if (service.isDraining()) return sendJson(res, 503, { status: 'draining' });
        try {
          await withTimeout(options.checkReady(), READY_TIMEOUT_MS);
          return sendJson(res, 200, { status: 'ready' });
        } catch (error) {
          // A deliberate reason (a configuration problem, say) is safe to show; nothing else is.
          const reason = error instanceof NotReadyError ? { reason: error.reason } : {};
          return sendJson(res, 503, { status: 'unavailable', ...reason });
        }
      }
      if (path === '/graphql') return handleGraphQL(req, res);
      if (options.routes && options.routes.length > 0) {
        let context: RequestContext;
        try {
          context = await createBaseContext(req);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return sendGraphQLError(res, error.status, error.code, error.message, error.details);
        }
        for (const route of options.routes) {
          if (await route(req, res, context)) return;
        }
      }
      sendGraphQLError(res, 404, 'NOT_FOUND', 'Not found');
    },
  });
  const { httpServer } = service;
  const apollo = new ApolloServer<TContext>({
    schema,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // runService owns the signals: drain, then close the store, then exit.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Traces are only for Apollo's hosted tooling, which this project does not use.
      ApolloServerPluginInlineTraceDisabled(),
      createErrorLoggingPlugin<TContext>(),
      createGraphQLMetricsPlugin<TContext>({ service: options.name, registry: metrics }),
      tracing.plugin,
    ],
  });
  await apollo.start();

  async function createBaseContext(req: IncomingMessage): Promise<RequestContext> {
    const requestId = getRequestId(req.headers);
    const trace = createTraceContext(req.headers);
    const { caller, token } = await options.authenticate(req.headers);
    const idempotencyKey = readIdempotencyKey(req.headers);
    return {
      requestId,
      logger: options.logger.child({ requestId, traceId: trace.traceId }),
      at: parsePointInTime(req.headers, now()),
      caller,
      token,
      trace,
      idempotencyKey,
    };
  }

  const handleGraphQL = createGraphQLHandler<TContext>({
    server: apollo,
    createContext: async (req) => options.createContext(await createBaseContext(req)),
  });

  return {
    httpServer,
    listen: service.listen,
    startDraining: service.startDraining,
    // Every request that reached a resolver is answered before Apollo stops executing.
    stop: async () => {
      try {
        await service.close();
      } finally {
        await apollo.stop();
      }
    },
    metrics,
    useTracer: tracing.useTracer,
  };
}

function queryRules(permissions: IRules): Record<string, unknown> {
  const query = (permissions as Record<string, unknown>).Query;
  return typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
}
