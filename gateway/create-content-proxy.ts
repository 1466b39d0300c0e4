import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sendGraphQLError } from '../subgraphs/kit/http/send-json';
import { printPointInTime } from '../subgraphs/kit/point-in-time';
import { REQUEST_ID_HEADER } from '../subgraphs/kit/request-id';
import type { GatewayContext } from './context';

/** A path prefix the gateway passes on, unchanged, to one subgraph's HTTP routes. */
export interface ContentRoute {
  prefix: string;
  /** The subgraph's base URL (its GraphQL URL without `/graphql`). */
  target: string;
  serviceName: string;
}

const REQUEST_HEADERS = ['content-type', 'content-length', 'x-content-sha256', 'authorization'];
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'etag',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
];

/**
 * Passes file content between clients and the subgraph that stores it, streaming both ways, so
 * clients need only the gateway's address. Like GraphQL requests, each carries the request id and
 * the point in time fixed here; a subgraph that does not answer gives 502 without its address.
 */
export function createContentProxy(
  routes: ContentRoute[],
): (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  createContext: () => GatewayContext,
) => Promise<boolean> {
  return async (req, res, path, createContext) => {
    const route = routes.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
    if (!route) return false;
    const context = createContext();
    const url = new URL(req.url ?? path, 'http://localhost');
    const headers: Record<string, string> = {
      [REQUEST_ID_HEADER]: context.requestId,
      ...printPointInTime(context.at),
    };
    for (const name of REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    let upstream: Response;
    try {
      upstream = await fetch(`${route.target}${url.pathname}${url.search}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        // Node's fetch needs this to stream a request body.
        ...(hasBody ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch {
      context.logger.warn({ serviceName: route.serviceName }, 'content proxy fetch failed');
      sendGraphQLError(
        res,
        502,
        'DOWNSTREAM_SERVICE_ERROR',
        `The ${route.serviceName} service did not answer`,
        {
          serviceName: route.serviceName,
        },
      );
      return true;
    }
    res.statusCode = upstream.status;
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    if (upstream.body) {
      await pipeline(Readable.fromWeb(upstream.body as WebReadableStream), res);
    } else {
      res.end();
    }
    return true;
  };
}
