import type { IncomingMessage } from 'node:http';
import type { Authentication } from '../subgraphs/kit/auth/create-authenticator';
import type { Caller } from '../subgraphs/kit/auth/caller';
import type { Logger } from '../subgraphs/kit/logger';
import { parsePointInTime, type PointInTime } from '../subgraphs/kit/point-in-time';
import { getRequestId } from '../subgraphs/kit/request-id';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** Fixed once per request and sent to every subgraph, so all answer for the same instant. */
  at: PointInTime;
  /** Who is asking, from the verified token (the anonymous caller when tokens are optional). */
  caller: Caller;
  /**
   * The verified bearer token, forwarded to every subgraph (which verifies it again); null for an
   * anonymous caller. Never log it.
   */
  token: string | null;
}

/**
 * Builds the context of one client request that has already been authenticated; a malformed time
 * header throws BAD_USER_INPUT.
 */
export function createGatewayContext(
  req: IncomingMessage,
  logger: Logger,
  now: Date,
  authentication: Authentication,
): GatewayContext {
  const requestId = getRequestId(req.headers);
  return {
    requestId,
    logger: logger.child({ requestId }),
    at: parsePointInTime(req.headers, now),
    caller: authentication.caller,
    token: authentication.token,
  };
}
