import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { printSchema, type GraphQLSchema } from 'graphql';
import { sendGraphQLError } from '../../subgraphs/kit/http/send-json';

export interface SchemaDocument {
  /** Takes the API schema of a newly loaded supergraph. */
  update(apiSchema: GraphQLSchema): void;
  /** The SDL in use, or null before the first supergraph is loaded. */
  getSdl(): string | null;
  /** Answers `GET /schema.graphql` (ETag and If-None-Match included). */
  send(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * The API schema as clients see it (what introspection would show: no federation machinery, no
 * inaccessible fields), printed with its descriptions for `GET /schema.graphql` and replaced on
 * every supergraph reload.
 */
export function createSchemaDocument(): SchemaDocument {
  let current: { sdl: string; etag: string } | null = null;
  return {
    update(apiSchema) {
      const sdl = `${printSchema(apiSchema)}\n`;
      const etag = `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"`;
      current = { sdl, etag };
    },
    getSdl: () => current?.sdl ?? null,
    send(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return sendGraphQLError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET for the schema');
      }
      if (!current) {
        return sendGraphQLError(res, 503, 'SCHEMA_NOT_LOADED', 'No schema loaded yet');
      }
      const headers = { etag: current.etag, 'cache-control': 'private, no-cache' };
      if (req.headers['if-none-match'] === current.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(current.sdl),
      });
      res.end(req.method === 'HEAD' ? undefined : current.sdl);
    },
  };
}
