import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { createLogger } from '../subgraphs/kit/logger';
import { createGatewayServer, type GatewayServer } from './server';

interface Reply {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

const CASE_WORKER_QUERY = `
  query Sager($filter: SagFilter, $first: Int) {
    sager(filter: $filter, first: $first) {
      totalCount
      nodes {
        uuid
        sagsnummer
        titel
        kle { brugervendtNoegle titel }
        ansvarligEnhed { navn }
        parter { rolle navn }
        dokumenter { totalCount nodes { titel } }
      }
    }
  }
`;

function nest(depth: number): string {
  // sag → dokumenter → nodes → sag → … : three levels per round.
  let selection = 'uuid';
  for (let level = 0; level < depth; level += 1) {
    selection = level % 2 === 0 ? `sag { ${selection} }` : `dokumenter { nodes { ${selection} } }`;
  }
  return `{ dokument(uuid: "x") { ${selection} } }`;
}

describe('query limits at the gateway', () => {
  let gateway: GatewayServer;
  let url: string;
  let subgraphCalls = 0;
  let authorization = '';

  beforeAll(async () => {
    const issuer = await getTestIssuer();
    authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    gateway = await createGatewayServer({
      supergraphSdl: readFileSync(join(__dirname, '..', 'schema', 'supergraph.graphql'), 'utf8'),
      logger: createLogger({ name: 'test', level: 'silent' }),
      authenticate: issuer.createAuthenticator(),
      introspection: false,
      fetcher: async () => {
        subgraphCalls += 1;
        throw new Error('no subgraphs in this test');
      },
    });
    url = await gateway.listen(0);
  });
  afterAll(() => gateway.stop());
  beforeEach(() => {
    subgraphCalls = 0;
  });

  async function post(body: unknown): Promise<Reply> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  }

  it.each([
    ['20 levels deep', nest(20), 'The query is nested too deeply'],
    [
      '100 aliases',
      `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: sag(uuid: "x") { uuid }`).join(' ')} }`,
      'The query uses too many aliases',
    ],
    [
      'about 1 MB of query text',
      `{ sag(uuid: "x") { uuid } }${' '.repeat(1_000_000)}`,
      'The query is too large',
    ],
    [
      'more tokens than allowed',
      `{ sag(uuid: "x") { ${'uuid '.repeat(6000)} } }`,
      'The query has too many tokens',
    ],
    [
      'a cost bomb of nested pages',
      `{ sager(first: 100) { nodes { dokumenter(first: 100) { nodes {
           sag { dokumenter(first: 100) { totalCount } } } } } } }`,
      'The query asks for too much data',
    ],
    [
      'too many directives',
      `{ sag(uuid: "x") { ${Array.from({ length: 30 }, (_, i) => `t${i}: titel @include(if: true)`).join(' ')} } }`,
      'The query uses too many directives',
    ],
    [
      'a fragment cycle',
      `{ ...A } fragment A on Query { sag(uuid: "x") { ...B } }
       fragment B on Sag { dokumenter { nodes { sag { ...B } } } }`,
      'Cannot spread fragment "B" within itself.',
    ],
  ])('rejects %s with 400 before any subgraph call', async (_name, query, message) => {
    const reply = await post({ query });
    expect(reply.status).toBe(400);
    // The cost limit adds its figures after a colon.
    expect(reply.body.errors?.map((e) => e.message.split(':')[0])).toContain(message);
    expect(subgraphCalls).toBe(0);
  });

  it('refuses three aliased pages of 100 cases × 100 documents with the cost and the limit', async () => {
    const page = `sager(first: 100) { nodes { dokumenter(first: 100) { nodes { varianter { dele { mimetype } } } } } }`;
    const reply = await post({ query: `{ a: ${page} b: ${page} c: ${page} }` });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((e) => e.message)).toEqual([
      'The query asks for too much data: cost 210,603 of at most 20,000',
    ]);
    expect(subgraphCalls).toBe(0);
  });

  it('counts the aliases of a fragment once per spread', async () => {
    const fragment = `fragment T on Sag { ${Array.from({ length: 10 }, (_, i) => `t${i}: titel`).join(' ')} }`;
    const spreads = Array.from({ length: 10 }, (_, i) => `s${i}: sag(uuid: "${i}") { ...T }`);
    const reply = await post({ query: `{ ${spreads.join(' ')} } ${fragment}` });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((e) => e.message)).toEqual(['The query uses too many aliases']);
    expect(subgraphCalls).toBe(0);
  });

  it('names the kind of limit without the configured number', async () => {
    const reply = await post({ query: nest(20) });
    expect(reply.body.errors?.[0]).toEqual({
      message: 'The query is nested too deeply',
      locations: [{ line: 1, column: 1 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(JSON.stringify(reply.body)).not.toMatch(/15/);
  });

  it('answers an operation name the document does not define with 400, not a masked 500', async () => {
    const unknown = await post({ query: '{ sag(uuid: "x") { uuid } }', operationName: 'Nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        message: 'Unknown operation named "Nope".',
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      }),
    ]);
    const unnamed = await post({ query: 'query A { __typename } query B { __typename }' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(subgraphCalls).toBe(0);
    // The named operation of the same document runs.
    const named = await post({
      query: 'query A { __typename } query B { __typename }',
      operationName: 'B',
    });
    expect(named.status).toBe(200);
  });

  it('refuses a batched array of operations with 400 and a stable code', async () => {
    const reply = await post([
      { query: '{ sag(uuid: "x") { uuid } }' },
      { query: '{ __typename }' },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a GET query without a preflight header (CSRF)', async () => {
    const response = await fetch(
      `${url}?query=${encodeURIComponent('{ sag(uuid: "x") { uuid } }')}`,
      { headers: { authorization } },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Reply['body']).errors?.[0]?.extensions?.code).toBe(
      'BAD_REQUEST',
    );
    expect(subgraphCalls).toBe(0);
  });

  it('refuses a simple-content-type POST without a preflight header (CSRF)', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization },
      body: JSON.stringify({ query: '{ sag(uuid: "x") { uuid } }' }),
    });
    expect(response.status).toBe(400);
    expect(subgraphCalls).toBe(0);
  });

  it('lets a GET query with the preflight header through', async () => {
    const response = await fetch(
      `${url}?query=${encodeURIComponent('{ sag(uuid: "x") { uuid } }')}`,
      { headers: { authorization, 'apollo-require-preflight': 'true' } },
    );
    expect(response.status).toBe(200);
    expect(subgraphCalls).toBeGreaterThan(0);
  });

  it('refuses introspection and gives no field suggestions when introspection is off', async () => {
    const introspection = await post({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.status).toBe(400);
    const typo = await post({ query: '{ sag(uuid: "x") { titl } }' });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    expect(subgraphCalls).toBe(0);
  });

  it("lets a case worker's page of cases through to the subgraphs", async () => {
    const reply = await post({ query: CASE_WORKER_QUERY, variables: { first: 50 } });
    expect(reply.status).toBe(200);
    expect(subgraphCalls).toBeGreaterThan(0);
  });
});

describe('query limits with introspection on', () => {
  it('let the standard introspection query through and suggest field names', async () => {
    const issuer = await getTestIssuer();
    const authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    const gateway = await createGatewayServer({
      supergraphSdl: readFileSync(join(__dirname, '..', 'schema', 'supergraph.graphql'), 'utf8'),
      logger: createLogger({ name: 'test', level: 'silent' }),
      authenticate: issuer.createAuthenticator(),
      introspection: true,
      fetcher: () => Promise.reject(new Error('no subgraphs in this test')),
    });
    const url = await gateway.listen(0);
    try {
      const post = (query: string): Promise<Response> =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query }),
        });
      const introspection = await post(getIntrospectionQuery());
      expect(introspection.status).toBe(200);
      const typo = await post('{ sag(uuid: "x") { titl } }');
      expect(JSON.stringify(await typo.json())).toMatch(/Did you mean/);
    } finally {
      await gateway.stop();
    }
  });
});
