import { printPointInTime } from '../subgraphs/kit/point-in-time';
import { REQUEST_ID_HEADER } from '../subgraphs/kit/request-id';
import { printTraceparent, TRACEPARENT_HEADER } from '../subgraphs/kit/tracing/trace-context';
import type { GatewayContext } from './context';
import { IDEMPOTENCY_KEY_HEADER } from './read-idempotency-key';

/**
 * The headers the gateway itself sends on a subgraph call made for `context`: the request id, the
 * W3C `traceparent` naming the gateway's span as parent, the fixed point in time, for a
 * verified caller `authorization: Bearer <token>`, and the client's `Idempotency-Key` when it
 * sent one (checked, see readIdempotencyKey). They are built from the context, never
 * copied from the client, so nothing a client sent that claims an identity (`x-user`, `x-cpr`,
 * `cookie`, a forged `x-forwarded-user`, …) reaches a subgraph; a client's `traceparent` counts
 * only after validation, and only its trace id and flags are kept.
 */
export function getForwardedHeaders(context: GatewayContext): Record<string, string> {
  return {
    [REQUEST_ID_HEADER]: context.requestId,
    [TRACEPARENT_HEADER]: printTraceparent(context.trace),
    ...printPointInTime(context.at),
    ...(context.token === null ? {} : { authorization: `Bearer ${context.token}` }),
    ...(context.idempotencyKey === null
      ? {}
      : { [IDEMPOTENCY_KEY_HEADER]: context.idempotencyKey }),
  };
}
