import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';
import { createLabelLimit } from './create-label-limit';
import { getOperationName } from './get-operation-name';
import { getRequestOutcome } from './get-request-outcome';

/** @default 200 distinct operation names per server; later ones are counted as "other". */
export const DEFAULT_MAX_OPERATION_LABELS = 200;

export interface GraphQLMetricsOptions {
  /** The `service` label. */
  service: string;
  registry: Registry;
  /** @default DEFAULT_MAX_OPERATION_LABELS */
  maxOperations?: number;
}

/**
 * Counts and times every GraphQL request Apollo Server handles, into `registry`:
 * `graphql_requests_total{service,operation,outcome}` (outcome "error" when the response carries
 * any error, "ok" otherwise) and `graphql_request_duration_seconds{service,operation}`.
 * Requests refused before Apollo sees them (no token, a malformed body) are not counted here.
 */
export function createGraphQLMetricsPlugin<TContext extends BaseContext>(
  options: GraphQLMetricsOptions,
): ApolloServerPlugin<TContext> {
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests handled, by operation name and outcome.',
    labelNames: ['service', 'operation', 'outcome'] as const,
    registers: [options.registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response.',
    labelNames: ['service', 'operation'] as const,
    registers: [options.registry],
  });
  const limitOperation = createLabelLimit(options.maxOperations ?? DEFAULT_MAX_OPERATION_LABELS);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const operation = limitOperation(getOperationName(requestContext));
          const service = options.service;
          requests.inc({ service, operation, outcome: getRequestOutcome(requestContext) });
          duration.observe({ service, operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
