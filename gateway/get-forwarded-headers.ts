import { printPointInTime } from '../subgraphs/kit/point-in-time';
import { REQUEST_ID_HEADER } from '../subgraphs/kit/request-id';
import type { GatewayContext } from './context';

/**
 * The headers the gateway itself sends on a subgraph call made for `context`: the request id, the
 * fixed point in time and, for a verified caller, `authorization: Bearer <token>`. They are built
 * from the context, never copied from the client, so nothing a client sent that claims an
 * identity (`x-user`, `x-cpr`, `cookie`, a forged `x-forwarded-user`, …) reaches a subgraph.
 */
export function getForwardedHeaders(context: GatewayContext): Record<string, string> {
  return {
    [REQUEST_ID_HEADER]: context.requestId,
    ...printPointInTime(context.at),
    ...(context.token === null ? {} : { authorization: `Bearer ${context.token}` }),
  };
}
