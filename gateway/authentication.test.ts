import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { exportSPKI, importJWK, type JWTPayload, type KeyLike } from 'jose';
import {
  createTestIssuer,
  getTestIssuer,
  type TestIssuer,
} from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { startTestGateway, type TestGateway } from './testing/start-test-gateway';

const UNAUTHENTICATED = {
  errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
};

const SAG_QUERY = { query: '{ sag(uuid: "x") { uuid } }' };

/** Headers a client might send to pass itself off as someone; none may reach a subgraph. */
const IDENTITY_HEADERS: Record<string, string> = {
  'x-cpr': '0101701234',
  'x-user': 'admin',
  'x-user-id': 'admin',
  'x-forwarded-user': 'admin',
  'x-remote-user': 'admin',
  'x-authenticated-userid': 'admin',
  'x-jwt-assertion': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
  'x-forwarded-access-token': 'forged',
  cookie: 'session=admin',
};

/** Everything a GraphQL subgraph call may carry. */
const GRAPHQL_CALL_HEADERS = [
  'authorization',
  'content-type',
  'registreringstid',
  'traceparent',
  'virkningstid',
  'x-request-id',
];

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Claims a token of `issuer` would carry if it were valid. */
function getValidPayload(issuer: TestIssuer): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    ...getFullAccessClaims(),
    iss: issuer.issuer,
    aud: issuer.audience,
    iat: now,
    exp: now + 600,
  };
}

/** An unsigned token (`alg: none`) with otherwise valid claims. */
function buildUnsignedToken(issuer: TestIssuer): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(getValidPayload(issuer))}.`;
}

/** The algorithm-confusion attack: HS256 with the issuer's public key (PEM) as the secret. */
async function buildPublicKeyHmacToken(issuer: TestIssuer): Promise<string> {
  const publicJwk = issuer.jwks.keys[0];
  if (!publicJwk) throw new Error('the test issuer has no key');
  const pem = await exportSPKI((await importJWK(publicJwk, 'RS256')) as KeyLike);
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: publicJwk.kid })}.${base64url(
    getValidPayload(issuer),
  )}`;
  const signature = createHmac('sha256', pem).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** A valid token's header and claims under another valid token's signature. */
async function buildBadSignatureToken(issuer: TestIssuer): Promise<string> {
  const [header, payload] = (await issuer.sign(getFullAccessClaims('a'))).split('.');
  const signature = (await issuer.sign(getFullAccessClaims('b'))).split('.')[2];
  return `${header}.${payload}.${signature}`;
}

/** Each way a request can fail authentication: the Authorization header it sends, if any. */
const BAD_CREDENTIALS: [string, (issuer: TestIssuer) => Promise<string | undefined>][] = [
  ['no Authorization header', async () => undefined],
  ['an empty bearer token', async () => 'Bearer '],
  ['another scheme', async () => 'Basic dXNlcjpwYXNz'],
  ['garbage', async () => 'Bearer not-a-token'],
  [
    'an expired token',
    async (issuer) =>
      `Bearer ${await issuer.sign(getFullAccessClaims(), {
        expiresIn: Math.floor(Date.now() / 1000) - 3600,
      })}`,
  ],
  [
    'a token for another audience',
    async (issuer) =>
      `Bearer ${await issuer.sign(getFullAccessClaims(), { audience: 'another-system' })}`,
  ],
  [
    'a token from another issuer',
    async (issuer) =>
      `Bearer ${await issuer.sign(getFullAccessClaims(), { issuer: 'https://evil.test' })}`,
  ],
  ['an unsigned token (alg: none)', async (issuer) => `Bearer ${buildUnsignedToken(issuer)}`],
  [
    'an HS256 token signed with the public key',
    async (issuer) => `Bearer ${await buildPublicKeyHmacToken(issuer)}`,
  ],
  [
    'a token with a bad signature',
    async (issuer) => `Bearer ${await buildBadSignatureToken(issuer)}`,
  ],
  [
    'a token naming an unknown key id',
    async (issuer) => `Bearer ${await issuer.sign(getFullAccessClaims(), { kid: 'unknown-key' })}`,
  ],
  [
    'a token signed with a key the gateway does not trust',
    async () => `Bearer ${await (await createTestIssuer()).sign(getFullAccessClaims())}`,
  ],
  [
    'a token without a subject',
    async (issuer) => `Bearer ${await issuer.sign({ privilegier: [] })}`,
  ],
  [
    'a token with unreadable privileges',
    async (issuer) => `Bearer ${await issuer.sign({ sub: 'x', privilegier: 'alt' })}`,
  ],
];

describe('authentication at the gateway', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    issuer = await getTestIssuer();
    token = await issuer.sign(getFullAccessClaims());
    gateway = await startTestGateway({
      authenticate: issuer.createAuthenticator(),
      // Switched on without a bundle: the page that says how to build it.
      explorer: { assetsDir: join(__dirname, 'no-explorer-bundle') },
    });
  });
  afterAll(() => gateway.stop());
  beforeEach(() => {
    gateway.calls.length = 0;
  });

  /** Every kind of request that needs a token, sent with `authorization`. */
  function sendProtected(authorization: string | undefined): Promise<Response>[] {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const query = encodeURIComponent(SAG_QUERY.query);
    return [
      fetch(gateway.url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(SAG_QUERY),
      }),
      fetch(`${gateway.url}?query=${query}`, {
        headers: { ...headers, 'apollo-require-preflight': 'true' },
      }),
      fetch(`${gateway.origin}/dokumenter/d1/dele/p1/indhold`, { headers }),
      fetch(`${gateway.origin}/indhold`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/pdf' },
        body: 'content',
      }),
      fetch(`${gateway.origin}/unknown`, { headers }),
    ];
  }

  it.each(BAD_CREDENTIALS)(
    'refuses %s with the same 401 on every route, calling no subgraph',
    async (_name, getAuthorization) => {
      const responses = await Promise.all(sendProtected(await getAuthorization(issuer)));
      for (const response of responses) {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(await response.json()).toEqual(UNAUTHENTICATED);
      }
      expect(gateway.calls).toEqual([]);
    },
  );

  it('answers /health, /ready, /favicon.ico and the explorer page without a token', async () => {
    expect((await fetch(`${gateway.origin}/health`)).status).toBe(200);
    // Ready or not depends on what listens at the supergraph's URLs; refused it must not be.
    expect([200, 503]).toContain((await fetch(`${gateway.origin}/ready`)).status);
    const page = await fetch(`${gateway.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/npm run build:explorer/);
    const icon = await fetch(`${gateway.origin}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers the other routes with a valid token', async () => {
    const responses = await Promise.all(sendProtected(`Bearer ${token}`));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 404]);
    expect(gateway.calls.length).toBeGreaterThanOrEqual(4);
  });

  it("forwards the verified token to the subgraph and none of the client's identity headers", async () => {
    const reply = await gateway.post(SAG_QUERY, {
      ...IDENTITY_HEADERS,
      authorization: `Bearer ${token}`,
      virkningstid: '2024-01-31T12:00:00Z',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: { sag: null } });
    expect(gateway.calls).toHaveLength(1);
    const [call] = gateway.calls;
    expect(call?.url).toBe('http://localhost:4003/graphql');
    expect(Object.keys(call?.headers ?? {}).sort()).toEqual(GRAPHQL_CALL_HEADERS);
    expect(call?.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      virkningstid: '2024-01-31T12:00:00.000Z',
      'x-request-id': reply.headers.get('x-request-id'),
    });
  });

  it("forwards the verified token and the content headers from the content routes, and none of the client's identity headers", async () => {
    const download = await fetch(`${gateway.origin}/dokumenter/d1/dele/p1/indhold?v=1`, {
      headers: { ...IDENTITY_HEADERS, authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('indhold');
    const upload = await fetch(`${gateway.origin}/indhold`, {
      method: 'POST',
      headers: {
        ...IDENTITY_HEADERS,
        authorization: `Bearer ${token}`,
        'content-type': 'application/pdf',
        'x-content-sha256': 'ab'.repeat(32),
      },
      body: 'content',
    });
    expect(upload.status).toBe(200);
    const [get, post] = gateway.calls;
    expect(get?.url).toBe('http://localhost:4004/dokumenter/d1/dele/p1/indhold?v=1');
    expect(Object.keys(get?.headers ?? {}).sort()).toEqual([
      'authorization',
      'registreringstid',
      'traceparent',
      'virkningstid',
      'x-request-id',
    ]);
    expect(get?.headers.authorization).toBe(`Bearer ${token}`);
    expect(post?.url).toBe('http://localhost:4004/indhold');
    expect(post?.method).toBe('POST');
    expect(Object.keys(post?.headers ?? {}).sort()).toEqual([
      'authorization',
      'content-length',
      'content-type',
      'registreringstid',
      'traceparent',
      'virkningstid',
      'x-content-sha256',
      'x-request-id',
    ]);
    expect(post?.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      'content-type': 'application/pdf',
    });
  });

  it('checks the token before a malformed time header', async () => {
    const refused = await gateway.post(SAG_QUERY, { virkningstid: 'yesterday' });
    expect(refused.status).toBe(401);
    const invalid = await gateway.post(SAG_QUERY, {
      virkningstid: 'yesterday',
      authorization: `Bearer ${token}`,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.calls).toEqual([]);
  });
});

describe('authentication at the gateway with AUTH_REQUIRED=false', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;

  beforeAll(async () => {
    issuer = await getTestIssuer();
    gateway = await startTestGateway({ authenticate: issuer.createAuthenticator(false) });
  });
  afterAll(() => gateway.stop());
  beforeEach(() => {
    gateway.calls.length = 0;
  });

  it('lets a request without a token through and forwards no authorization', async () => {
    const reply = await gateway.post(SAG_QUERY, IDENTITY_HEADERS);
    expect(reply.status).toBe(200);
    expect(gateway.calls).toHaveLength(1);
    expect(Object.keys(gateway.calls[0]?.headers ?? {}).sort()).toEqual(
      GRAPHQL_CALL_HEADERS.filter((name) => name !== 'authorization'),
    );
  });

  it('still refuses a bad token rather than treating it as none', async () => {
    const expired = await issuer.sign(getFullAccessClaims(), {
      expiresIn: Math.floor(Date.now() / 1000) - 3600,
    });
    for (const authorization of ['Bearer not-a-token', `Bearer ${expired}`, 'Basic eA==']) {
      const reply = await gateway.post(SAG_QUERY, { authorization });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual(UNAUTHENTICATED);
    }
    expect(gateway.calls).toEqual([]);
  });

  it('forwards a valid token', async () => {
    const token = await issuer.sign(getFullAccessClaims());
    await gateway.post(SAG_QUERY, { authorization: `Bearer ${token}` });
    expect(gateway.calls[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });
});

describe('authentication at the gateway in development', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;

  beforeAll(async () => {
    issuer = await getTestIssuer();
    gateway = await startTestGateway({
      authenticate: issuer.createAuthenticator(),
      explainUnauthenticated: true,
    });
  });
  afterAll(() => gateway.stop());

  const REASONS: [string, (issuer: TestIssuer) => Promise<string | undefined>, string][] = [
    ['no Authorization header', async () => undefined, 'Bearer error_description="No token: '],
    [
      'another scheme',
      async () => 'Basic dXNlcjpwYXNz',
      'Bearer error="invalid_request", error_description="The Authorization header is not Bearer',
    ],
    [
      'an expired token',
      async (i) =>
        `Bearer ${await i.sign(getFullAccessClaims(), {
          expiresIn: Math.floor(Date.now() / 1000) - 3600,
        })}`,
      'Bearer error="invalid_token", error_description="The token has expired (exp)',
    ],
    [
      'a token for another audience',
      async (i) => `Bearer ${await i.sign(getFullAccessClaims(), { audience: 'another-system' })}`,
      'Bearer error="invalid_token", error_description="The token is for another audience (aud)',
    ],
    [
      'a token naming an unknown key id',
      async (i) => `Bearer ${await i.sign(getFullAccessClaims(), { kid: 'unknown-key' })}`,
      'Bearer error="invalid_token", error_description="The token is signed with a key (kid)',
    ],
    [
      'a token from another issuer',
      async (i) => `Bearer ${await i.sign(getFullAccessClaims(), { issuer: 'https://evil.test' })}`,
      'Bearer error="invalid_token", error_description="The token comes from another issuer',
    ],
    [
      'a token with a bad signature',
      async (i) => `Bearer ${await buildBadSignatureToken(i)}`,
      'Bearer error="invalid_token", error_description="The token signature does not verify',
    ],
  ];

  it.each(REASONS)(
    'says why it refuses %s (RFC 6750), in the header and the error message',
    async (_name, getAuthorization, challenge) => {
      const authorization = await getAuthorization(issuer);
      const reply = await gateway.post(SAG_QUERY, authorization ? { authorization } : {});
      expect(reply.status).toBe(401);
      const header = reply.headers.get('www-authenticate') ?? '';
      expect(header.startsWith(challenge)).toBe(true);
      // A quoted-string value without quotes or backslashes inside (RFC 6750 §3).
      expect(header).toMatch(/error_description="[\x20\x21\x23-\x5b\x5d-\x7e]+"$/);
      const description = /error_description="([^"]+)"/.exec(header)?.[1];
      expect(reply.body).toEqual({
        errors: [
          {
            message: `Authentication required: ${description}`,
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
      expect(gateway.calls).toEqual([]);
    },
  );

  it('answers a valid token as in production', async () => {
    const token = await issuer.sign(getFullAccessClaims());
    const reply = await gateway.post(SAG_QUERY, { authorization: `Bearer ${token}` });
    expect(reply.status).toBe(200);
  });
});
