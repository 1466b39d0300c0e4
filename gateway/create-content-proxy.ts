import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sendGraphQLError } from '../subgraphs/kit/http/send-json';
import type { GatewayContext } from './context';
import { getForwardedHeaders } from './get-forwarded-headers';

/** A path prefix the gateway passes on, unchanged, to one subgraph's HTTP routes. */
export interface ContentRoute {
  prefix: string;
  /** The subgraph's base URL (its GraphQL URL without `/graphql`). */
  target: string;
  serviceName: string;
}

/**
 * The client's headers passed on as they are: only those that describe the content. Identity
 * travels only as the verified token (getForwardedHeaders); the client's own `authorization` is
 * never copied.
 */
const CONTENT_REQUEST_HEADERS = ['content-type', 'content-length', 'x-content-sha256'];
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'etag',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
];

/** Passes a request on to a content route; resolves false when no route serves `path`. */
export type ContentProxy = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: GatewayContext,
) => Promise<boolean>;

/**
 * Passes file content between clients and the subgraph that stores it, streaming both ways, so
 * clients need only the gateway's address. Like GraphQL requests, each carries the request id,
 * the point in time fixed here and the verified token; a subgraph that does not answer gives 502
 * without its address. The request must be authenticated before it gets here.
 */
export function createContentProxy(
  routes: ContentRoute[],
  options: {
    /** @default globalThis.fetch */
    fetch?: typeof fetch;
  } = {},
): ContentProxy {
  const send = options.fetch ?? fetch;
  return async (req, res, path, context) => {
    const route = routes.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
    if (!route) return false;
    const url = new URL(req.url ?? path, 'http://localhost');
    const headers = getForwardedHeaders(context);
    for (const name of CONTENT_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    let upstream: Response;
    try {
      upstream = await send(`${route.target}${url.pathname}${url.search}`, {
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
