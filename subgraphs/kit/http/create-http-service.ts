import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isDomainError } from '../domain-error';
import type { Logger } from '../logger';
import { getRequestId, REQUEST_ID_HEADER } from '../request-id';
import { sendGraphQLError } from './send-json';

/** Answers one request; `path` is the URL's pathname. */
export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) => Promise<void>;

export interface HttpService {
  httpServer: Server;
  /** Starts listening; resolves with the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Marks the service as shutting down: `isDraining()` turns true, so `/ready` can answer 503 and
   * a load balancer stops sending traffic, while requests are still served. Every response from
   * then on carries `connection: close`, so keep-alive clients reconnect elsewhere.
   */
  startDraining(): void;
  isDraining(): boolean;
}

/**
 * A Node HTTP server around `handle` that echoes the request id and turns anything thrown into a
 * clean JSON error: a DomainError keeps its status and code, the rest is logged and masked.
 */
export function createHttpService(options: {
  logger: Logger;
  handle: RequestHandler;
}): HttpService {
  let draining = false;
  const httpServer = createServer((req, res) => {
    if (draining) res.setHeader('connection', 'close');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Fixed once here, so the id the client gets back is the one in the logs and the one
    // forwarded to other services.
    const requestId = getRequestId(req.headers);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    options.handle(req, res, path).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (isDomainError(error)) {
        // The rest of a refused body is not read; the connection must not be reused for it.
        if (error.status === 413) res.setHeader('connection', 'close');
        sendGraphQLError(res, error.status, error.code, error.message, error.details);
      } else {
        options.logger.error(
          { err: error instanceof Error ? { type: error.name, stack: error.stack } : {} },
          'request failed',
        );
        sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    });
  });
  return {
    httpServer,
    startDraining: () => {
      draining = true;
    },
    isDraining: () => draining,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host}:${actualPort}/graphql`);
        });
      }),
  };
}
