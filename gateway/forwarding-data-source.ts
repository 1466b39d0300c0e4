import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { GatewayContext } from './context';
import { getForwardedHeaders } from './get-forwarded-headers';
import { getFetchErrorPaths } from './subgraph-calls/get-fetch-error-paths';
import { takeParsedResponseBody } from './subgraph-calls/parsed-response-body';
import { SubgraphCallError } from './subgraph-calls/subgraph-call-error';
import { OPERATION_KIND_HEADER } from './subgraph-calls/subgraph-request-init';

export const DOWNSTREAM_SERVICE_ERROR = 'DOWNSTREAM_SERVICE_ERROR';

/** The error a client sees when a subgraph cannot be reached or answers with a failure. */
export function createDownstreamError(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service did not answer`, {
    extensions: { code: DOWNSTREAM_SERVICE_ERROR, serviceName },
  });
}

function isGatewayContext(context: object): context is GatewayContext {
  return 'requestId' in context && 'at' in context && 'token' in context;
}

/** The one header the data source sets itself; every other header comes from the context. */
const OWN_HEADERS = new Set(['content-type']);

/**
 * The kind of the operation the query plan built for a fetch: from its document when the plan
 * carries one, else from the first word of the text the planner printed (`query …`,
 * `mutation …`, or `{` for a query). Null when neither tells, and the fetcher reads the body.
 */
export function getOperationKind(
  document: DocumentNode | undefined,
  query: string | undefined,
): string | null {
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.operation;
  }
  const first = /^\s*(query|mutation|subscription|\{)/.exec(query ?? '')?.[1];
  if (first === undefined) return null;
  return first === '{' ? 'query' : first;
}

/**
 * Sends each subgraph fetch with the request's id, its fixed point in time, the caller's verified
 * token and the client's Idempotency-Key (see getForwardedHeaders) and no other header, and
 * replaces the gateway's own fetch errors (which quote URLs, status texts and response bodies)
 * with a plain error naming only the service.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly serviceName: string;

  /**
   * `fetcher` is the subgraph's fetcher (createSubgraphFetcher): it reads the operation kind this
   * data source announces on each call, and parses each answer once for it.
   */
  constructor(options: { name: string; url: string; fetcher: typeof fetch }) {
    super({
      url: options.url,
      // Node's fetch (undici) keeps connections alive; the gateway's default client is slower.
      // Its types differ from the gateway's node-fetch-shaped Fetcher but the calls used match.
      fetcher: options.fetcher as unknown as RemoteGraphQLDataSource['fetcher'],
    });
    this.serviceName = options.name;
  }

  /**
   * A fetch that fails is answered as a subgraph reply carrying only the downstream error: the
   * gateway then gives the error the affected path (it gives a thrown error none) and answers the
   * rest of the query.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (
        // Only a client's operation has a response to answer into (not health checks).
        !('incomingRequestContext' in options) ||
        !(error instanceof GraphQLError) ||
        error.extensions.code !== DOWNSTREAM_SERVICE_ERROR
      ) {
        throw error;
      }
      return {
        errors: getFetchErrorPaths(options.document ?? options.request.query).map((path) => ({
          message: error.message,
          path,
          extensions: error.extensions,
        })),
      };
    }
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers) return;
    // An allowlist, not a blocklist: whatever else is on the request is dropped.
    for (const [name] of [...headers]) {
      if (!OWN_HEADERS.has(name.toLowerCase())) headers.delete(name);
    }
    // For the fetcher alone (it removes it): whether the call may be retried or shared, from the
    // plan's own document instead of parsing the query text again.
    const operationKind = getOperationKind(
      'document' in options ? (options.document ?? undefined) : undefined,
      request.query,
    );
    if (operationKind !== null) headers.set(OPERATION_KIND_HEADER, operationKind);
    // Health checks carry no client context.
    if (!isGatewayContext(context)) return;
    for (const [name, value] of Object.entries(getForwardedHeaders(context))) {
      headers.set(name, value);
    }
  }

  /** The body the fetcher parsed already; parsed here only for an answer that came otherwise. */
  override async parseBody(
    ...args: Parameters<RemoteGraphQLDataSource<GatewayContext>['parseBody']>
  ): Promise<object | string> {
    const parsed = takeParsedResponseBody(args[0] as unknown as Response);
    return parsed ?? super.parseBody(...args);
  }

  override async errorFromResponse(): Promise<GraphQLError> {
    return createDownstreamError(this.serviceName);
  }

  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    _fetchResponse?: unknown,
    context?: GatewayContext,
  ): void {
    if (context && 'logger' in context) {
      context.logger.warn(
        {
          serviceName: this.serviceName,
          err: { type: error.name },
          ...(error instanceof SubgraphCallError ? { reason: error.reason } : {}),
        },
        'subgraph fetch failed',
      );
    }
    throw createDownstreamError(this.serviceName);
  }
}
