import { createHash } from 'node:crypto';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { startTestGateway, type TestGateway } from './testing/start-test-gateway';

function sha256(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/** The APQ extension for `query`. */
function persisted(query: string): { persistedQuery: { version: 1; sha256Hash: string } } {
  return { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
}

/** A query nested 20 levels deep, past the depth limit. */
function buildDeepQuery(): string {
  let selection = 'uuid';
  for (let level = 0; level < 20; level += 1) {
    selection = level % 2 === 0 ? `sag { ${selection} }` : `dokumenter { nodes { ${selection} } }`;
  }
  return `{ dokument(uuid: "x") { ${selection} } }`;
}

describe('automatic persisted queries at the gateway', () => {
  let gateway: TestGateway;
  let authorization: string;

  beforeAll(async () => {
    const issuer = await getTestIssuer();
    authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    gateway = await startTestGateway({ authenticate: issuer.createAuthenticator() });
  });
  afterAll(() => gateway.stop());
  beforeEach(() => {
    gateway.calls.length = 0;
  });

  it('asks for the text of an unknown hash, registers it, then answers from the hash alone', async () => {
    const query = '{ sag(uuid: "apq-round-trip") { uuid } }';
    const unknown = await gateway.post({ extensions: persisted(query) }, { authorization });
    expect(unknown.body).toEqual({
      errors: [
        { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      ],
    });
    expect(gateway.calls).toEqual([]);

    const registered = await gateway.post(
      { query, extensions: persisted(query) },
      { authorization },
    );
    expect(registered).toMatchObject({ status: 200, body: { data: { sag: null } } });
    expect(gateway.calls).toHaveLength(1);

    const byHash = await gateway.post({ extensions: persisted(query) }, { authorization });
    expect(byHash).toMatchObject({ status: 200, body: { data: { sag: null } } });
    expect(gateway.calls).toHaveLength(2);
  });

  it('answers a registered hash over GET, as a portal behind a cache would send it', async () => {
    const query = '{ sag(uuid: "apq-get") { uuid } }';
    await gateway.post({ query, extensions: persisted(query) }, { authorization });
    const extensions = encodeURIComponent(JSON.stringify(persisted(query)));
    const response = await fetch(`${gateway.url}?extensions=${extensions}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { sag: null } });
  });

  it('does not register a query that breaks a limit, and calls no subgraph', async () => {
    const query = buildDeepQuery();
    const refused = await gateway.post({ query, extensions: persisted(query) }, { authorization });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.message)).toContain('The query is nested too deeply');
    const byHash = await gateway.post({ extensions: persisted(query) }, { authorization });
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(gateway.calls).toEqual([]);
  });

  it('refuses a query whose hash does not match its text', async () => {
    const reply = await gateway.post(
      { query: '{ sag(uuid: "a") { uuid } }', extensions: persisted('{ __typename }') },
      { authorization },
    );
    expect(reply.status).toBe(400);
    expect(gateway.calls).toEqual([]);
  });

  it('needs a token for a persisted query too', async () => {
    const query = '{ sag(uuid: "apq-token") { uuid } }';
    await gateway.post({ query, extensions: persisted(query) }, { authorization });
    gateway.calls.length = 0;
    const reply = await gateway.post({ extensions: persisted(query) });
    expect(reply.status).toBe(401);
    expect(gateway.calls).toEqual([]);
  });
});

describe('the persisted query cache bound', () => {
  it('drops the least recently used query once the bound is reached', async () => {
    const issuer = await getTestIssuer();
    const authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    // One entry is the key ("apq:" + 64 hex digits) plus about 35 bytes of query: one fits.
    const gateway = await startTestGateway({
      authenticate: issuer.createAuthenticator(),
      persistedQueryCacheBytes: 150,
    });
    try {
      const first = '{ sag(uuid: "first") { uuid } }';
      const second = '{ sag(uuid: "second") { uuid } }';
      for (const query of [first, second]) {
        await gateway.post({ query, extensions: persisted(query) }, { authorization });
      }
      const dropped = await gateway.post({ extensions: persisted(first) }, { authorization });
      expect(dropped.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const kept = await gateway.post({ extensions: persisted(second) }, { authorization });
      expect(kept.body).toEqual({ data: { sag: null } });
    } finally {
      await gateway.stop();
    }
  });

  it('switches persisted queries off at 0', async () => {
    const issuer = await getTestIssuer();
    const authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    const gateway = await startTestGateway({
      authenticate: issuer.createAuthenticator(),
      persistedQueryCacheBytes: 0,
    });
    try {
      const query = '{ sag(uuid: "off") { uuid } }';
      const reply = await gateway.post({ query, extensions: persisted(query) }, { authorization });
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      expect(gateway.calls).toEqual([]);
    } finally {
      await gateway.stop();
    }
  });
});
