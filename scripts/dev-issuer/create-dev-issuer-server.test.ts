import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier } from '../../subgraphs/kit/auth/create-token-verifier';
import type { TestIssuer } from '../../subgraphs/kit/auth/testing/create-test-issuer';
import { createDevIssuerServer } from './create-dev-issuer-server';
import { getDevProfileClaims } from './dev-profiles';
import { loadDevIssuer } from './load-dev-issuer';

describe('the development issuer server', () => {
  let issuer: TestIssuer;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    issuer = await loadDevIssuer(mkdtempSync(join(tmpdir(), 'dev-issuer-')));
    server = createDevIssuerServer(issuer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers OIDC discovery with its issuer and key set address', async () => {
    const response = await fetch(`${base}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      issuer: 'http://127.0.0.1:4090',
      jwks_uri: 'http://127.0.0.1:4090/jwks.json',
    });
  });

  it('serves the public key only', async () => {
    const response = await fetch(`${base}/jwks.json`);
    const body = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: issuer.jwks.keys[0]?.kid });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
      expect(body.keys[0]).not.toHaveProperty(secret);
  });

  it('answers 404 to every other path and method', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/token`)).status).toBe(404);
    expect((await fetch(`${base}/jwks.json`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('publishes the key that verifies its tokens', async () => {
    const verify = createTokenVerifier({
      jwks: new URL(`${base}/jwks.json`),
      issuer: 'http://127.0.0.1:4090',
      audience: 'kommunegraf',
      algorithms: ['RS256'],
    });
    const token = await issuer.sign(getDevProfileClaims('revisor'), { expiresIn: '8h' });
    expect(await verify(token)).toMatchObject({ kind: 'BRUGER', subject: 'revisor-jammerbugt' });
  });
});
