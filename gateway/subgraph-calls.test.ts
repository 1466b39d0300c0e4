import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { createLogger } from '../subgraphs/kit/logger';
import { createGatewayServer, type GatewayServer } from './server';
import type { SubgraphCallSettings } from './subgraph-calls/subgraph-call-settings';

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;
const TIMEOUT_MS = 300;
/**
 * What the gateway may add to a subgraph timeout before the client has its answer: generous for
 * a loaded build machine, since what matters is that a hang is cut near the timeout.
 */
const MARGIN_MS = 1500;
const MAX_RESPONSE_BYTES = 4096;
/** Text the faulty subgraph sends that no client may see. */
const SECRET = 'SECRET-BODY-TEXT';
const LEAKS = ['127.0.0.1', 'localhost', 'html', 'Internal Server Error', 'OK', SECRET];

type Mode = 'ok' | 'hang' | 'html' | 'truncated' | 'oversize' | 'fail' | 'fail-once';

interface FakeSubgraph {
  url: string;
  calls: number;
  mode: Mode;
  server: Server;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

async function startSubgraph(
  answer: (subgraph: FakeSubgraph, body: string, res: ServerResponse) => void,
): Promise<FakeSubgraph> {
  const subgraph = { url: '', calls: 0, mode: 'ok' as Mode } as FakeSubgraph;
  subgraph.server = createServer((req, res) => {
    subgraph.calls += 1;
    void readBody(req).then((body) => answer(subgraph, body, res));
  });
  await new Promise<void>((resolve) => subgraph.server.listen(0, '127.0.0.1', resolve));
  subgraph.url = `http://127.0.0.1:${(subgraph.server.address() as AddressInfo).port}/graphql`;
  return subgraph;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function answerB(subgraph: FakeSubgraph, body: string, res: ServerResponse): void {
  const mutation = body.includes('mutation');
  const ok = mutation
    ? { data: { maling: 'malet' } }
    : { data: { _entities: [{ __typename: 'Ting', farve: 'rød' }] } };
  const html = (status: number): void => {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(`<html><body>${SECRET} at ${subgraph.url}</body></html>`);
  };
  switch (subgraph.mode) {
    case 'ok':
      return sendJson(res, 200, ok);
    case 'hang':
      return;
    case 'html':
      return html(200);
    case 'truncated':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"data":{"_entities":[{"__typename":"Ting","farve":"${SECRET}`);
      return;
    case 'oversize':
      return sendJson(res, 200, {
        data: { _entities: [{ __typename: 'Ting', farve: SECRET.repeat(1000) }] },
      });
    case 'fail':
      return html(500);
    case 'fail-once':
      subgraph.mode = 'ok';
      return html(500);
  }
}

interface GraphQLBody {
  data?: { ting?: Record<string, unknown> | null; maling?: unknown } | null;
  errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[];
}

describe('subgraph calls through real HTTP', () => {
  const logger = createLogger({ name: 'test', level: 'silent' });
  let a: FakeSubgraph;
  let b: FakeSubgraph;
  let closedUrl: string;
  let supergraphSdl: string;
  const gateways: GatewayServer[] = [];

  beforeAll(async () => {
    a = await startSubgraph((_subgraph, _body, res) =>
      sendJson(res, 200, { data: { ting: { __typename: 'Ting', id: '1', navn: 'Pumpe' } } }),
    );
    b = await startSubgraph(answerB);
    const closed = await startSubgraph(() => undefined);
    closedUrl = closed.url;
    await new Promise((resolve) => closed.server.close(resolve));
    const composed = composeServices([
      {
        name: 'a',
        url: a.url,
        typeDefs: parse(`${FEDERATION}
          type Query { ting: Ting }
          type Ting @key(fields: "id") { id: ID! navn: String }`),
      },
      {
        name: 'b',
        url: b.url,
        typeDefs: parse(`${FEDERATION}
          type Ting @key(fields: "id") { id: ID! farve: String }
          type Mutation { maling(id: ID!): String }`),
      },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    supergraphSdl = composed.supergraphSdl;
  });

  beforeEach(() => {
    a.calls = 0;
    b.calls = 0;
    b.mode = 'ok';
  });

  afterEach(async () => {
    for (const gateway of gateways.splice(0)) await gateway.stop();
    b.server.closeAllConnections();
  });

  afterAll(async () => {
    for (const subgraph of [a, b]) {
      subgraph.server.closeAllConnections();
      await new Promise((resolve) => subgraph.server.close(resolve));
    }
  });

  async function startGateway(
    subgraphCalls: Partial<SubgraphCallSettings> = {},
    bUrl = b.url,
  ): Promise<(query: string) => Promise<{ status: number; text: string; body: GraphQLBody }>> {
    const issuer = await getTestIssuer();
    const authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    const gateway = await createGatewayServer({
      supergraphSdl,
      subgraphUrls: { b: bUrl },
      logger,
      authenticate: issuer.createAuthenticator(),
      subgraphCalls: {
        timeoutMs: TIMEOUT_MS,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        retryBaseDelayMs: 10,
        ...subgraphCalls,
      },
    });
    gateways.push(gateway);
    const url = await gateway.listen(0);
    return async (query) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as GraphQLBody };
    };
  }

  const TING = '{ ting { id navn farve } }';

  function expectCleanDownstreamError(text: string, body: GraphQLBody): void {
    expect(body.errors).toEqual([
      {
        message: expect.any(String),
        path: ['ting'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'b' },
      },
    ]);
    for (const leak of LEAKS) expect(text).not.toContain(leak);
  }

  it.each<[string, Mode]>([
    ['refuses connections', 'ok'],
    ['hangs', 'hang'],
    ['answers HTML', 'html'],
    ['answers truncated JSON', 'truncated'],
    ['answers a body above the cap', 'oversize'],
    ['keeps answering 500', 'fail'],
  ])('answers with partial data and a clean error in time when a subgraph %s', async (_, mode) => {
    const query = await startGateway({}, mode === 'ok' ? closedUrl : b.url);
    b.mode = mode;
    const started = Date.now();
    const { status, text, body } = await query(TING);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(status).toBe(200);
    expect(body.data).toEqual({ ting: { id: '1', navn: 'Pumpe', farve: null } });
    expectCleanDownstreamError(text, body);
    // The gateway is still up and answers what the healthy subgraph holds.
    expect((await query('{ ting { navn } }')).body).toEqual({ data: { ting: { navn: 'Pumpe' } } });
  });

  it('retries a query past a 500 and gives partial data until the subgraph recovers', async () => {
    const query = await startGateway({ retries: 2 });
    b.mode = 'fail-once';
    expect((await query(TING)).body).toEqual({
      data: { ting: { id: '1', navn: 'Pumpe', farve: 'rød' } },
    });
    expect(b.calls).toBe(2);

    b.mode = 'fail';
    b.calls = 0;
    const failed = await query(TING);
    expect(failed.body.data).toEqual({ ting: { id: '1', navn: 'Pumpe', farve: null } });
    expectCleanDownstreamError(failed.text, failed.body);
    expect(b.calls).toBe(3);

    b.mode = 'ok';
    expect((await query(TING)).body.data).toEqual({
      ting: { id: '1', navn: 'Pumpe', farve: 'rød' },
    });
  });

  it('never retries a mutation', async () => {
    const query = await startGateway({ retries: 2 });
    b.mode = 'fail';
    const { text, body } = await query('mutation { maling(id: "1") }');
    expect(b.calls).toBe(1);
    expect(body.data).toEqual({ maling: null });
    expect(body.errors).toEqual([
      {
        message: expect.any(String),
        path: ['maling'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'b' },
      },
    ]);
    for (const leak of LEAKS) expect(text).not.toContain(leak);
  });

  it('opens the breaker after repeated failures, skips the subgraph, then closes after recovery', async () => {
    const resetMs = 200;
    const query = await startGateway({
      retries: 0,
      breakerFailureThreshold: 2,
      breakerResetMs: resetMs,
    });
    b.mode = 'fail';
    await query(TING);
    await query(TING);
    expect(b.calls).toBe(2);

    const skipped = await query(TING);
    expect(b.calls).toBe(2);
    expect(skipped.body.data).toEqual({ ting: { id: '1', navn: 'Pumpe', farve: null } });
    expectCleanDownstreamError(skipped.text, skipped.body);

    b.mode = 'ok';
    await new Promise((resolve) => setTimeout(resolve, resetMs + 50));
    expect((await query(TING)).body.data).toEqual({
      ting: { id: '1', navn: 'Pumpe', farve: 'rød' },
    });
    expect((await query(TING)).body.data).toEqual({
      ting: { id: '1', navn: 'Pumpe', farve: 'rød' },
    });
    expect(b.calls).toBe(4);
  });
});
