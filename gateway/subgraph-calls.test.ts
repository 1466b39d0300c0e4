import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { createLogger } from '../subgraphs/kit/logger';
import { createGatewayServer, type GatewayServer } from './server';
import type { GatewayStatus } from './status/get-gateway-status';
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

/** A GraphQL client of one gateway, with its open monitoring routes. */
interface GatewayClient {
  (query: string): Promise<{ status: number; text: string; body: GraphQLBody }>;
  /** The gateway's /metrics text. */
  metrics(): Promise<string>;
  /** The gateway's /status. */
  status(): Promise<GatewayStatus>;
}

/** The value of one sample in a Prometheus text, or null when it is absent. */
function readSample(metrics: string, sample: string): number | null {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? null : Number(line.slice(sample.length + 1));
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
  ): Promise<GatewayClient> {
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
    const { origin } = new URL(url);
    const query = async (query: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as GraphQLBody };
    };
    // Both open, like /health: no Authorization header.
    return Object.assign(query, {
      metrics: async () => (await fetch(`${origin}/metrics`)).text(),
      status: async () => (await (await fetch(`${origin}/status`)).json()) as GatewayStatus,
    });
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

  it.each<[string, Mode, string]>([
    ['refuses connections', 'ok', 'connection'],
    ['hangs', 'hang', 'timeout'],
    ['answers HTML', 'html', 'invalid_body'],
    ['answers truncated JSON', 'truncated', 'invalid_body'],
    ['answers a body above the cap', 'oversize', 'too_large'],
    ['keeps answering 500', 'fail', 'http_5xx'],
  ])(
    'answers with partial data and a clean error in time when a subgraph %s',
    async (_, mode, kind) => {
      const query = await startGateway({}, mode === 'ok' ? closedUrl : b.url);
      b.mode = mode;
      const started = Date.now();
      const { status, text, body } = await query(TING);
      const elapsedMs = Date.now() - started;
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(status).toBe(200);
      expect(body.data).toEqual({ ting: { id: '1', navn: 'Pumpe', farve: null } });
      expectCleanDownstreamError(text, body);
      // The gateway is still up and answers what the healthy subgraph holds.
      expect((await query('{ ting { navn } }')).body).toEqual({
        data: { ting: { navn: 'Pumpe' } },
      });
      // Counted under its kind, for b only; retried kinds once per attempt (2 retries).
      const metrics = await query.metrics();
      const attempts = kind === 'connection' || kind === 'http_5xx' ? 3 : 1;
      expect(readSample(metrics, `subgraph_fetch_errors_total{subgraph="b",kind="${kind}"}`)).toBe(
        attempts,
      );
      expect(metrics).not.toContain('subgraph_fetch_errors_total{subgraph="a"');
      expect(
        readSample(metrics, 'gateway_requests_total{operation="anonymous",outcome="error"}'),
      ).toBe(1);

      for (const leak of LEAKS.slice(0, 2)) expect(metrics).not.toContain(leak);
      process.stdout.write(
        `fault "${mode === 'ok' ? 'refused' : mode}": partial answer in ${elapsedMs} ms ` +
          `(subgraph timeout ${TIMEOUT_MS} ms), b attempts ${attempts}, kind ${kind}\n`,
      );
    },
  );

  it.each<[string, Mode]>([
    ['HTML', 'html'],
    ['truncated JSON', 'truncated'],
  ])('counts a 200 with %s as a failure: the breaker opens on it', async (_, mode) => {
    const query = await startGateway({ breakerFailureThreshold: 2, breakerResetMs: 60_000 });
    b.mode = mode;
    await query(TING);
    await query(TING);
    expect(b.calls).toBe(2);
    const skipped = await query(TING);
    expect(b.calls).toBe(2);
    expectCleanDownstreamError(skipped.text, skipped.body);
    const metrics = await query.metrics();
    expect(readSample(metrics, 'subgraph_breaker_state{subgraph="b"}')).toBe(1);
    expect(readSample(metrics, 'subgraph_breaker_state{subgraph="a"}')).toBe(0);
    expect(
      readSample(metrics, 'subgraph_fetch_errors_total{subgraph="b",kind="invalid_body"}'),
    ).toBe(2);
    expect(
      readSample(metrics, 'subgraph_fetch_errors_total{subgraph="b",kind="breaker_open"}'),
    ).toBe(1);
    const status = await query.status();
    expect(status.subgraphs.b?.['1h']).toMatchObject({ fetches: 3, succeeded: 0, availability: 0 });
    expect(status.breakers).toEqual({ a: 'closed', b: 'open' });
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

    const breakerState = async (): Promise<number | null> =>
      readSample(await query.metrics(), 'subgraph_breaker_state{subgraph="b"}');
    expect(await breakerState()).toBe(1);

    b.mode = 'ok';
    await new Promise((resolve) => setTimeout(resolve, resetMs + 50));
    expect(await breakerState()).toBe(2);
    expect((await query(TING)).body.data).toEqual({
      ting: { id: '1', navn: 'Pumpe', farve: 'rød' },
    });
    expect((await query(TING)).body.data).toEqual({
      ting: { id: '1', navn: 'Pumpe', farve: 'rød' },
    });
    expect(b.calls).toBe(4);
    expect(await breakerState()).toBe(0);
  });

  it('reports on /status and /metrics exactly the share of fetches a subgraph failed, for it alone', async () => {
    const query = await startGateway({ retries: 0, breakerFailureThreshold: 100 });
    const failing = new Set([2, 5, 8]);
    for (let i = 0; i < 10; i += 1) {
      b.mode = failing.has(i) ? 'fail' : 'ok';
      const { body } = await query(TING);
      expect(body.data?.ting?.farve).toBe(failing.has(i) ? null : 'rød');
    }
    expect([a.calls, b.calls]).toEqual([10, 10]);

    const status = await query.status();
    expect(Object.keys(status.subgraphs).sort()).toEqual(['a', 'b']);
    for (const window of ['1h', '24h'] as const) {
      expect(status.subgraphs.b?.[window]).toMatchObject({
        fetches: 10,
        succeeded: 7,
        availability: 0.7,
        errors: expect.objectContaining({ http_5xx: 3, timeout: 0, invalid_body: 0 }),
      });
      expect(status.subgraphs.a?.[window]).toMatchObject({
        fetches: 10,
        succeeded: 10,
        availability: 1,
      });
    }
    const latency = status.subgraphs.b?.['1h'].latencyMs;
    expect(latency?.p50).toBeGreaterThan(0);
    const metrics = await query.metrics();
    expect(readSample(metrics, 'subgraph_availability_ratio{subgraph="b",window="1h"}')).toBe(0.7);
    expect(readSample(metrics, 'subgraph_availability_ratio{subgraph="a",window="24h"}')).toBe(1);
    expect(readSample(metrics, 'subgraph_fetch_duration_seconds_count{subgraph="b"}')).toBe(10);
    expect(
      readSample(metrics, 'gateway_requests_total{operation="anonymous",outcome="error"}'),
    ).toBe(3);
    expect(readSample(metrics, 'gateway_requests_total{operation="anonymous",outcome="ok"}')).toBe(
      7,
    );
    expect(JSON.stringify(status)).not.toContain('127.0.0.1');
    process.stdout.write(
      `SLA after 10 queries, 3 failed by b: b availability ${status.subgraphs.b?.['1h'].availability} ` +
        `(p50 ${latency?.p50} ms, p95 ${latency?.p95} ms, p99 ${latency?.p99} ms), ` +
        `a availability ${status.subgraphs.a?.['1h'].availability}\n`,
    );
  });
});
