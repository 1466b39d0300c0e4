import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
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
  /**
   * Stops accepting connections and resolves once every request that reached the handler has
   * been answered and its connection closed. Connections with no request under way are closed
   * at once (a request that had not begun to arrive was never handled, so it is safe to send
   * again); a connection never ends between a request and its answer. After `timeoutMs`
   * whatever is left is cut off and the promise rejects. @default timeoutMs 10000
   */
  close(timeoutMs?: number): Promise<void>;
}

/** @default 10000: longer than any sane request. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;

/**
 * A Node HTTP server around `handle` that echoes the request id and turns anything thrown into a
 * clean JSON error: a DomainError keeps its status and code, the rest is logged and masked.
 */
export function createHttpService(options: {
  logger: Logger;
  handle: RequestHandler;
}): HttpService {
  let draining = false;
  let closing = false;
  /** Requests under way per connection: a connection with none may be closed. */
  const active = new Map<Socket, number>();
  /** Connections this service ended while closing: nothing read from them afterwards is served. */
  const ended = new WeakSet<Socket>();
  const httpServer = createServer((req, res) => {
    const { socket } = req;
    // Its answer could no longer be written: refused before any handler sees it.
    if (ended.has(socket)) {
      res.destroy();
      return;
    }
    active.set(socket, (active.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (active.get(socket) ?? 1) - 1;
      active.set(socket, left);
      // Answered with `connection: close` (see below), so Node ends it; this covers a response
      // that began before the drain.
      if (closing && left === 0) {
        ended.add(socket);
        socket.end();
      }
    });
    if (draining || closing) res.setHeader('connection', 'close');
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
  httpServer.on('connection', (socket: Socket) => {
    active.set(socket, 0);
    socket.once('close', () => active.delete(socket));
  });
  return {
    httpServer,
    startDraining: () => {
      draining = true;
    },
    close: (timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS) =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        draining = true;
        const timer = setTimeout(() => {
          httpServer.closeAllConnections();
          reject(new Error('Requests were still under way when the close timed out'));
        }, timeoutMs);
        timer.unref();
        // Stops accepting, and (Node 19+) destroys connections whose parser holds no request:
        // destroyed, not ended, so no request can still be read from them and then go
        // unanswered. A connection part-way through a request is left to finish it.
        httpServer.close(() => {
          clearTimeout(timer);
          resolve();
        });
        httpServer.closeIdleConnections();
      }),
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
