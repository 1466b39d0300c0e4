import { Writable } from 'node:stream';
import { parse } from 'graphql';
import { allow } from 'graphql-shield';
import {
  createSubgraphServer,
  type RequestContext,
  type SubgraphServer,
} from './create-subgraph-server';
import { BadUserInputError } from './domain-error';
import { createLogger } from './logger';
import { getTestIssuer } from './auth/testing/create-test-issuer';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Ting @key(fields: "id") { id: ID! navn: String! hemmelig: String }
  type Query { ting(id: ID!): Ting  nu: String!  fejl: String  uventet: String }
`);

interface TestContext extends RequestContext {
  seen: string[];
}

const ting = { id: '1', navn: 'Første', hemmelig: 'x' };

async function startTestServer(
  checkReady: () => Promise<void> = async () => undefined,
): Promise<{ url: string; server: SubgraphServer; logs: string[] }> {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const server = await createSubgraphServer<TestContext>({
    name: 'test',
    typeDefs,
    resolvers: {
      Query: {
        ting: (_: unknown, args: { id: string }) => (args.id === ting.id ? ting : null),
        nu: (_: unknown, __: unknown, context: TestContext) =>
          context.at.virkningstid.toISOString(),
        fejl: () => {
          throw new BadUserInputError('id must be a UUID', 'id');
        },
        uventet: () => {
          throw new Error('connect ECONNREFUSED mongodb://secret@10.0.0.1');
        },
      },
      Ting: {
        __resolveReference: (ref: { id: string }) => (ref.id === ting.id ? ting : null),
      },
    },
    permissions: {
      Query: { ting: allow, nu: allow, fejl: allow, uventet: allow },
      Ting: { id: allow, navn: allow },
    },
    createContext: (base) => ({ ...base, seen: [] }),
    checkReady,
    logger: createLogger({ name: 'test', destination }),
    authenticate: (await getTestIssuer()).createAuthenticator(),
  });
  const url = await server.listen(0);
  return { url, server, logs };
}

let token = '';

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('createSubgraphServer', () => {
  let started: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    token = await (await getTestIssuer()).sign({ sub: 'tester' });
    started = await startTestServer();
  });

  it.each([
    ['no token', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['a token that is not a JWT', { authorization: 'Bearer abc.def.ghi' }],
  ])(
    'answers nothing to a request with %s, _service and _entities included',
    async (_, headers) => {
      const queries = [
        '{ ting(id: "1") { navn } }',
        '{ _service { sdl } }',
        '{ _entities(representations: [{ __typename: "Ting", id: "1" }]) { ... on Ting { navn } } }',
      ];
      for (const query of queries) {
        const response = await fetch(started.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as {
          data?: unknown;
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(response.status).toBe(401);
        expect(body.data).toBeUndefined();
        expect(body.errors).toEqual([
          { message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } },
        ]);
      }
    },
  );
  afterAll(() => started.server.stop());

  it('answers allowed fields and denies fields without a rule', async () => {
    const { body } = await post(started.url, '{ ting(id: "1") { navn hemmelig } }');
    expect(body.data).toEqual({ ting: { navn: 'Første', hemmelig: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['ting', 'hemmelig'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('resolves entity references through _entities', async () => {
    const { body } = await post(
      started.url,
      '{ _entities(representations: [{__typename: "Ting", id: "1"}]) { ... on Ting { navn } } }',
    );
    expect(body.data).toEqual({ _entities: [{ navn: 'Første' }] });
  });

  it('keeps the code and message of deliberate errors', async () => {
    const { body } = await post(started.url, '{ fejl }');
    expect(body.errors).toEqual([
      {
        message: 'id must be a UUID',
        locations: [{ line: 1, column: 3 }],
        path: ['fejl'],
        extensions: { code: 'BAD_USER_INPUT', field: 'id' },
      },
    ]);
  });

  it('masks unexpected errors and logs them once without reaching the client', async () => {
    const { body } = await post(started.url, '{ uventet }', { 'x-request-id': 'req-42' });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|secret|stack/);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ]);
    const logged = started.logs.filter((l) => l.includes('unexpected error'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({ requestId: 'req-42' });
  });

  it('answers for the instant in the Virkningstid header', async () => {
    const { body } = await post(started.url, '{ nu }', { virkningstid: '2020-05-01T00:00:00Z' });
    expect(body.data).toEqual({ nu: '2020-05-01T00:00:00.000Z' });
  });

  it('rejects a malformed time header with 400 BAD_USER_INPUT', async () => {
    const { status, body } = await post(started.url, '{ nu }', { registreringstid: 'igår' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'Registreringstid' },
      }),
    ]);
  });

  it('reports health and readiness', async () => {
    const base = started.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});

describe('readiness', () => {
  it('is 503 while the store is unreachable', async () => {
    const { url, server } = await startTestServer(async () => {
      throw new Error('no store');
    });
    try {
      const response = await fetch(url.replace('/graphql', '/ready'));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await server.stop();
    }
  });
});
