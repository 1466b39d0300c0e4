import type { IncomingMessage } from 'node:http';
import type { Authentication } from '../subgraphs/kit/auth/create-authenticator';
import type { Caller } from '../subgraphs/kit/auth/caller';
import type { Logger } from '../subgraphs/kit/logger';
import { parsePointInTime, type PointInTime } from '../subgraphs/kit/point-in-time';
import { getRequestId } from '../subgraphs/kit/request-id';
import { createTraceContext, type TraceContext } from '../subgraphs/kit/tracing/trace-context';
import { readIdempotencyKey } from './read-idempotency-key';

export interface GatewayContext {
  requestId: string;
  /** Carries the request id and the trace id. */
  logger: Logger;
  /**
   * The gateway's span for this request: in the client's trace when it sent a valid
   * `traceparent`, else the root of a new one. Every subgraph call names this span as parent.
   */
  trace: TraceContext;
  /** Fixed once per request and sent to every subgraph, so all answer for the same instant. */
  at: PointInTime;
  /** Who is asking, from the verified token (the anonymous caller when tokens are optional). */
  caller: Caller;
  /**
   * The verified bearer token, forwarded to every subgraph (which verifies it again); null for an
   * anonymous caller. Never log it.
   */
  token: string | null;
  /**
   * The client's `Idempotency-Key`, passed on to every subgraph call and content route so a
   * retried write is recognised there; null without one.
   */
  idempotencyKey: string | null;
}

/**
 * Builds the context of one client request that has already been authenticated; a malformed time
 * header or Idempotency-Key throws BAD_USER_INPUT.
 */
export function createGatewayContext(
  req: IncomingMessage,
  logger: Logger,
  now: Date,
  authentication: Authentication,
): GatewayContext {
  const requestId = getRequestId(req.headers);
  const trace = createTraceContext(req.headers);
  return {
    requestId,
    logger: logger.child({ requestId, traceId: trace.traceId }),
    trace,
    at: parsePointInTime(req.headers, now),
    caller: authentication.caller,
    token: authentication.token,
    idempotencyKey: readIdempotencyKey(req.headers),
  };
}
