import type { IncomingMessage } from 'node:http';
import type { Logger } from '../subgraphs/kit/logger';
import { parsePointInTime, type PointInTime } from '../subgraphs/kit/point-in-time';
import { getRequestId } from '../subgraphs/kit/request-id';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** Fixed once per request and sent to every subgraph, so all answer for the same instant. */
  at: PointInTime;
}

/** Builds the context of one client request; a malformed time header throws BAD_USER_INPUT. */
export function createGatewayContext(
  req: IncomingMessage,
  logger: Logger,
  now: Date,
): GatewayContext {
  const requestId = getRequestId(req.headers);
  return {
    requestId,
    logger: logger.child({ requestId }),
    at: parsePointInTime(req.headers, now),
  };
}
