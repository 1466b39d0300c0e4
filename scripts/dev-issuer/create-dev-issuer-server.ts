import { createServer, type Server, type ServerResponse } from 'node:http';
import type { JSONWebKeySet } from 'jose';

export interface DevIssuerServerOptions {
  /** The issuer identifier; the key set is served at `<issuer>/jwks.json`. */
  issuer: string;
  /** Public keys only: this is served to anyone who asks. */
  jwks: JSONWebKeySet;
}

function sendJson(response: ServerResponse, status: number, body: unknown, head: boolean): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(head ? undefined : text);
}

/**
 * The development issuer's HTTP side: OIDC discovery (`GET /.well-known/openid-configuration`)
 * and the public key set (`GET /jwks.json`), nothing else (404). It signs nothing over HTTP:
 * tokens come from `npm run token`. Not listening yet: the caller decides where.
 */
export function createDevIssuerServer(options: DevIssuerServerOptions): Server {
  const issuer = options.issuer.replace(/\/$/, '');
  // Only the public members of each key, whatever the caller passed in.
  const jwks: JSONWebKeySet = {
    keys: options.jwks.keys.map(({ kty, n, e, crv, x, y, alg, use, kid }) => ({
      kty,
      n,
      e,
      crv,
      x,
      y,
      alg,
      use,
      kid,
    })),
  };
  const configuration = {
    issuer,
    jwks_uri: `${issuer}/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    response_types_supported: ['id_token'],
  };
  return createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const head = method === 'HEAD';
    if (method === 'GET' || head) {
      if (path === '/.well-known/openid-configuration') {
        return sendJson(response, 200, configuration, head);
      }
      if (path === '/jwks.json') return sendJson(response, 200, jwks, head);
    }
    sendJson(response, 404, { error: 'not_found' }, head);
  });
}
