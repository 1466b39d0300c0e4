import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationName } from '../metrics/get-operation-name';
import { getRequestOutcome } from '../metrics/get-request-outcome';
import type { RequestTracer } from './create-request-tracer';
import type { TraceContext } from './trace-context';

export interface RequestTracing<TContext extends BaseContext> {
  /** Records one span per GraphQL request, named after the operation, once a tracer is set. */
  plugin: ApolloServerPlugin<TContext>;
  /** Starts exporting through `tracer`; until then (and without it) nothing is recorded. */
  useTracer(tracer: RequestTracer): void;
}

/**
 * One span per GraphQL request, with the attributes `service`, `graphql.operation.name` and
 * `outcome` (ok|error) only: never variables, tokens or anything from the data. The span's ids
 * are the request's trace context (`getTrace`), the one its logs and outgoing calls carry.
 */
export function createRequestTracing<TContext extends BaseContext>(options: {
  service: string;
  getTrace: (context: TContext) => TraceContext | undefined;
}): RequestTracing<TContext> {
  let tracer: RequestTracer | null = null;
  return {
    useTracer(next) {
      tracer = next;
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        const startTime = Date.now();
        return {
          async willSendResponse(requestContext) {
            const trace = options.getTrace(contextValue);
            if (!tracer || !trace) return;
            const operation = getOperationName(requestContext);
            const outcome = getRequestOutcome(requestContext);
            tracer.record({
              name: operation,
              trace,
              startTime,
              endTime: Date.now(),
              failed: outcome === 'error',
              attributes: {
                service: options.service,
                'graphql.operation.name': operation,
                outcome,
              },
            });
          },
        };
      },
    },
  };
}
