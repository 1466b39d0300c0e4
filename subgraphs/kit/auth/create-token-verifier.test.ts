import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, type JSONWebKeySet } from 'jose';
import { createTokenVerifier, UnauthenticatedError } from './create-token-verifier';
import { createTestIssuer, generateIssuerKey, type TestIssuer } from './testing/create-test-issuer';

const base64url = (value: object | string): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWKS endpoint whose key set a test can change, counting how often it is fetched. */
async function startJwksServer(initial: JSONWebKeySet): Promise<{
  url: URL;
  setKeys(keys: JSONWebKeySet): void;
  fetches(): number;
  close(): Promise<void>;
}> {
  let keys = initial;
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(keys));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/jwks.json`),
    setKeys: (next) => {
      keys = next;
    },
    fetches: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('createTokenVerifier', () => {
  let issuer: TestIssuer;
  let stranger: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer();
    stranger = await createTestIssuer();
  });

  it('returns the caller of a valid token', async () => {
    const token = await issuer.sign({ sub: 'b1', cpr: '1203654127' });
    await expect(issuer.verify(token)).resolves.toEqual({
      kind: 'BORGER',
      subject: 'b1',
      cpr: '1203654127',
    });
  });

  it('refuses every bad token with the same error', async () => {
    const claims = { sub: 'u1' };
    const valid = await issuer.sign(claims);
    const [header, payload] = valid.split('.');
    const publicJwk = issuer.jwks.keys[0];
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    const bad = [
      await issuer.sign(claims, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
      await issuer.sign(claims, { audience: 'another-api' }),
      await issuer.sign(claims, { issuer: 'https://evil.example' }),
      await issuer.sign(claims, { kid: 'unknown-kid' }),
      await stranger.sign(claims),
      `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `${header}.${base64url({ ...claims, sub: 'admin', iss: issuer.issuer, aud: issuer.audience, exp: 9999999999 })}.${valid.split('.')[2]}`,
      hs256,
      await issuer.sign({}),
      await issuer.sign({ sub: 'u', privilegier: [{ cvr: 'x' }] }),
      'garbage',
    ];
    for (const token of bad) {
      const error = await issuer.verify(token).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnauthenticatedError);
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Authentication required' });
    }
  });

  it('follows key rotation through the JWKS endpoint and bounds fetches for unknown key ids', async () => {
    const next = await createTestIssuer({ privateJwk: await generateIssuerKey() });
    const jwks = await startJwksServer(issuer.jwks);
    // jose times its cooldown with Date.now: a clock of the test's own, so no step depends on
    // how fast the machine runs it.
    let clock = Date.now();
    const now = jest.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      const verify = createTokenVerifier({
        jwks: jwks.url,
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ['RS256'],
        jwksCooldownMs: 30_000,
      });
      await expect(verify(await issuer.sign({ sub: 'a' }))).resolves.toMatchObject({
        subject: 'a',
      });
      expect(jwks.fetches()).toBe(1);

      // The issuer rotates: its endpoint now serves both keys. Within the cooldown a token with
      // the new key id is refused without a fetch; once it has passed, the verifier fetches once.
      jwks.setKeys({ keys: [...issuer.jwks.keys, ...next.jwks.keys] });
      const rotated = await next.sign({ sub: 'b' }, { kid: next.jwks.keys[0]?.kid });
      clock += 29_999;
      await expect(verify(rotated)).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(jwks.fetches()).toBe(1);
      clock += 1;
      await expect(verify(rotated)).resolves.toMatchObject({ subject: 'b' });
      const afterRotation = jwks.fetches();
      expect(afterRotation).toBe(2);

      // A flood of made-up key ids right after costs no further fetch within the cooldown.
      const flood = await Promise.all(
        Array.from({ length: 50 }, (_, i) => issuer.sign({ sub: 'x' }, { kid: `made-up-${i}` })),
      );
      const results = await Promise.allSettled(flood.map((t) => verify(t)));
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(jwks.fetches()).toBe(afterRotation);
    } finally {
      now.mockRestore();
      await jwks.close();
    }
  });
});
