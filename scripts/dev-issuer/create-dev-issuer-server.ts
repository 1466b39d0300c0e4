import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { JSONWebKeySet } from 'jose';

/** Tokens for the development profiles over HTTP, for the gateway's explorer page. */
export interface DevTokenEndpoint {
  /** The profiles offered, in order. */
  profiles: { name: string; description: string }[];
  /** Signs a token for one of `profiles`. */
  sign(profile: string): Promise<string>;
  /** The page origins allowed to call (CORS), e.g. `http://localhost:4000`. */
  allowedOrigins: string[];
}

export interface DevIssuerServerOptions {
  /** The issuer identifier; the key set is served at `<issuer>/jwks.json`. */
  issuer: string;
  /** Public keys only: this is served to anyone who asks. */
  jwks: JSONWebKeySet;
  /** `GET /profiles` and `POST /token`; without it neither exists (404). */
  tokens?: DevTokenEndpoint;
}

/** A token request names one profile: anything longer is not one. */
const MAX_TOKEN_REQUEST_BYTES = 1024;

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  head: boolean,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(head ? undefined : text);
}

async function readProfileName(request: IncomingMessage): Promise<string | null> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_TOKEN_REQUEST_BYTES) return null;
  }
  try {
    const body = JSON.parse(text) as { profile?: unknown };
    return typeof body.profile === 'string' ? body.profile : null;
  } catch {
    return null;
  }
}

/**
 * `GET /profiles` and `POST /token {"profile": …}` (and their CORS preflight) for the allowed
 * origins; returns false for every other request.
 */
async function serveTokens(
  tokens: DevTokenEndpoint,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const origin = request.headers.origin;
  const cors: OutgoingHttpHeaders =
    origin && tokens.allowedOrigins.includes(origin)
      ? { 'access-control-allow-origin': origin, vary: 'Origin' }
      : { vary: 'Origin' };
  if (method === 'OPTIONS') {
    response.writeHead(204, {
      ...cors,
      'access-control-allow-methods': path === '/token' ? 'POST' : 'GET',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
    response.end();
    return true;
  }
  if (path === '/profiles' && method === 'GET') {
    sendJson(response, 200, { profiles: tokens.profiles }, false, cors);
    return true;
  }
  if (path !== '/token' || method !== 'POST') return false;
  // A page of another origin gets no token: the browser would hide the answer anyway, but a
  // token must not even be signed for it.
  if (origin && !tokens.allowedOrigins.includes(origin)) {
    sendJson(response, 403, { error: `origin ${origin} is not allowed` }, false, cors);
    return true;
  }
  const profile = await readProfileName(request);
  if (profile === null || !tokens.profiles.some((p) => p.name === profile)) {
    const names = tokens.profiles.map((p) => p.name).join(', ');
    sendJson(response, 400, { error: `name one profile: {"profile": "<${names}>"}` }, false, cors);
    return true;
  }
  sendJson(response, 200, { token: await tokens.sign(profile) }, false, cors);
  return true;
}

/**
 * The development issuer's HTTP side: OIDC discovery (`GET /.well-known/openid-configuration`)
 * and the public key set (`GET /jwks.json`); with `tokens`, also the profiles and a token per
 * profile for the explorer page (the same tokens `npm run token` prints); nothing else (404).
 * Not listening yet: the caller decides where.
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
  const tokens = options.tokens;
  return createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const head = method === 'HEAD';
    if (tokens && (path === '/profiles' || path === '/token')) {
      serveTokens(tokens, request, response, path).then(
        (served) => {
          if (!served) sendJson(response, 404, { error: 'not_found' }, head);
        },
        () => {
          if (!response.headersSent) sendJson(response, 500, { error: 'no token signed' }, head);
        },
      );
      return;
    }
    if (method === 'GET' || head) {
      if (path === '/.well-known/openid-configuration') {
        return sendJson(response, 200, configuration, head);
      }
      if (path === '/jwks.json') return sendJson(response, 200, jwks, head);
    }
    sendJson(response, 404, { error: 'not_found' }, head);
  });
}
