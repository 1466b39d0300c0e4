import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationName } from '../../subgraphs/kit/metrics/get-operation-name';
import { getRequestOutcome } from '../../subgraphs/kit/metrics/get-request-outcome';
import type { GatewayMetrics, RequestOutcome } from './create-gateway-metrics';

/** What Apollo found out about one request, for the meter that records it at the end. */
class RequestNote {
  operation: string | undefined = undefined;
  failed = false;
}

/**
 * Where a request's note rides on its context. A property, not a WeakMap keyed by the context:
 * Apollo hands plugins a shallow copy of the context, which keeps the property.
 */
const REQUEST_NOTE = Symbol('requestNote');

function findNote(context: object): RequestNote | undefined {
  if (!(REQUEST_NOTE in context)) return undefined;
  const note = context[REQUEST_NOTE];
  return note instanceof RequestNote ? note : undefined;
}

export interface RequestMeter {
  /** Notes each request's operation name and whether its answer carried errors. */
  plugin: ApolloServerPlugin<BaseContext>;
  /**
   * Starts measuring one GraphQL request; it is recorded when its response closes, whoever
   * answered it (the authentication step, Apollo's HTTP checks or the request pipeline).
   * `attach` links the request's context once there is one, so the plugin's notes reach it.
   */
  track(res: ServerResponse): { attach(context: object): void };
}

function getOutcome(status: number, note: RequestNote): RequestOutcome {
  if (status >= 400 && status < 500) return 'rejected';
  if (status >= 500 || note.failed) return 'error';
  return 'ok';
}

/** Feeds `gateway_requests_total` and `gateway_request_duration_seconds`. */
export function createRequestMeter(metrics: GatewayMetrics): RequestMeter {
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse(requestContext) {
            const note = findNote(requestContext.contextValue);
            if (!note) return;
            note.operation = getOperationName(requestContext);
            note.failed = getRequestOutcome(requestContext) === 'error';
          },
        };
      },
    },
    track(res) {
      const started = performance.now();
      const note = new RequestNote();
      res.once('close', () => {
        metrics.recordRequest({
          operation: note.operation,
          outcome: getOutcome(res.statusCode, note),
          durationMs: performance.now() - started,
        });
      });
      return {
        attach: (context) => {
          Object.assign(context, { [REQUEST_NOTE]: note });
        },
      };
    },
  };
}
