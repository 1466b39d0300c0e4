import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier } from '../../subgraphs/kit/auth/create-token-verifier';
import type { TestIssuer } from '../../subgraphs/kit/auth/testing/create-test-issuer';
import { createDevIssuerServer } from './create-dev-issuer-server';
import { createDevTokenEndpoint } from './create-dev-token-endpoint';
import { DEV_PROFILE_NAMES, getDevProfileClaims } from './dev-profiles';
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

describe('the development issuer server with profile tokens', () => {
  const PAGE = 'http://localhost:4000';
  let issuer: TestIssuer;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    issuer = await loadDevIssuer(mkdtempSync(join(tmpdir(), 'dev-issuer-')));
    server = createDevIssuerServer({
      issuer: issuer.issuer,
      jwks: issuer.jwks,
      tokens: createDevTokenEndpoint(issuer, [PAGE]),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const postToken = (body: string, origin = PAGE): Promise<Response> =>
    fetch(`${base}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body,
    });

  it('lists the development profiles for the explorer page', async () => {
    const response = await fetch(`${base}/profiles`, { headers: { origin: PAGE } });
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    const { profiles } = (await response.json()) as { profiles: { name: string }[] };
    expect(profiles.map((p) => p.name)).toEqual(DEV_PROFILE_NAMES);
  });

  it("signs a token for a profile that verifies with the issuer's key", async () => {
    const response = await postToken('{"profile":"sagsbehandler"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    const { token } = (await response.json()) as { token: string };
    expect(await issuer.verify(token)).toMatchObject({
      subject: getDevProfileClaims('sagsbehandler').sub,
    });
  });

  it('answers the CORS preflight of the allowed page only', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${base}/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight(PAGE)).headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('signs nothing for another origin, an unknown profile or a body that is not one', async () => {
    const refused = await postToken('{"profile":"sagsbehandler"}', 'https://evil.example');
    expect(refused.status).toBe(403);
    expect(await refused.json()).not.toHaveProperty('token');
    for (const body of ['{"profile":"admin"}', 'not json', `{"profile":"${'x'.repeat(2000)}"}`]) {
      const response = await postToken(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: expect.stringContaining('sagsbehandler'),
      });
    }
  });
});
