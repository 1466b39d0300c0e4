import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { DomainError, isDomainError } from '../domain-error';
import { chooseContentEncoding } from './choose-content-encoding';
import { readBody } from './read-body';
import { sendGraphQLError } from './send-json';

/** @default 1 MiB: queries are small; anything bigger is a mistake or an attack. */
export const DEFAULT_GRAPHQL_BODY_LIMIT = 1024 * 1024;

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  /**
   * Builds the per-request context. A DomainError thrown here (a malformed header, say) ends the
   * request with its status and code before any GraphQL work is done.
   */
  createContext: (req: IncomingMessage) => Promise<TContext>;
  bodyLimit?: number;
  /**
   * Answers of at least this many characters (about bytes, for JSON) are compressed (brotli or gzip, as the client accepts);
   * off when unset. Compression runs on libuv's thread pool, off the event loop.
   */
  compressFromBytes?: number;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Fast settings: the point is fewer bytes on the wire for large answers, not the smallest. */
function compress(text: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } })
    : gzipAsync(text, { level: 4 });
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function parseBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const raw = await readBody(req, limit);
  const type = req.headers['content-type'] ?? '';
  if (
    !type.startsWith('application/json') &&
    !type.startsWith('application/graphql-response+json')
  ) {
    return raw.toString('utf8');
  }
  try {
    return raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError('BAD_REQUEST', 'Request body is not valid JSON', { status: 400 });
  }
}

/** Serves one GraphQL request on Node's http module through Apollo Server. */
export function createGraphQLHandler<TContext extends BaseContext>(
  options: GraphQLHandlerOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = options.bodyLimit ?? DEFAULT_GRAPHQL_BODY_LIMIT;
  return async (req, res) => {
    let context: TContext;
    let body: unknown;
    try {
      context = await options.createContext(req);
      body = await parseBody(req, limit);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      sendGraphQLError(res, error.status, error.code, error.message, error.details);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = await options.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method ?? 'GET',
        headers: toHeaderMap(req),
        search: url.search,
        body,
      },
      context: async () => context,
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const text = response.body.string;
      const encoding =
        options.compressFromBytes !== undefined && text.length >= options.compressFromBytes
          ? chooseContentEncoding(req.headers['accept-encoding'])
          : null;
      if (encoding === null) {
        res.end(text);
        return;
      }
      const compressed = await compress(text, encoding);
      res.setHeader('content-encoding', encoding);
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('content-length', compressed.length);
      res.end(compressed);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
