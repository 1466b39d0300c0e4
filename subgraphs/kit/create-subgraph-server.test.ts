import { Writable } from 'node:stream';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
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
import { createRequestTracer } from './tracing/create-request-tracer';
import { NotReadyError } from './not-ready-error';

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
    // Nor does the log get the error's text or stack, which may quote a driver or an address.
    expect(logged[0]).not.toMatch(/ECONNREFUSED|secret|stack|at /);
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

  it('names a deliberate reason (a configuration problem), never an unexpected error', async () => {
    const { url, server } = await startTestServer(async () => {
      throw new NotReadyError(
        'the upstream refused the configured credentials; check UPSTREAM_KEY',
      );
    });
    try {
      const response = await fetch(url.replace('/graphql', '/ready'));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        reason: 'the upstream refused the configured credentials; check UPSTREAM_KEY',
      });
    } finally {
      await server.stop();
    }
  });
});

describe('metrics', () => {
  const base = (url: string) => url.replace('/graphql', '');
  /** The value of one sample line, 0 when the series does not exist yet. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };

  it('counts each GraphQL request by operation and outcome, served without a token', async () => {
    const { url, server } = await startTestServer();
    try {
      const scrape = async () => {
        const response = await fetch(`${base(url)}/metrics`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        return response.text();
      };
      const before = await scrape();
      await post(url, 'query Hent { ting(id: "1") { navn } }');
      await post(url, 'query Hent { ting(id: "1") { navn } }');
      await post(url, '{ fejl }');
      await post(url, 'query Fejler { uventet }');
      const after = await scrape();
      const delta = (series: string) => sample(after, series) - sample(before, series);
      expect(delta('graphql_requests_total{service="test",operation="Hent",outcome="ok"}')).toBe(2);
      expect(
        delta('graphql_requests_total{service="test",operation="anonymous",outcome="error"}'),
      ).toBe(1);
      expect(
        delta('graphql_requests_total{service="test",operation="Fejler",outcome="error"}'),
      ).toBe(1);
      expect(delta('graphql_request_duration_seconds_count{service="test",operation="Hent"}')).toBe(
        2,
      );
      // The process metrics come from this server's registry.
      expect(after).toContain('process_cpu_user_seconds_total');
    } finally {
      await server.stop();
    }
  });

  it('keeps each server’s counts apart in one process', async () => {
    const first = await startTestServer();
    const second = await startTestServer();
    try {
      await post(first.url, 'query Hent { ting(id: "1") { navn } }');
      const text = await (await fetch(`${base(second.url)}/metrics`)).text();
      expect(text).not.toContain('operation="Hent"');
    } finally {
      await first.server.stop();
      await second.server.stop();
    }
  });
});

describe('draining', () => {
  it('answers /ready with 503 and keeps serving health and GraphQL', async () => {
    const { url, server } = await startTestServer();
    try {
      server.startDraining();
      const ready = await fetch(url.replace('/graphql', '/ready'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'draining' });
      expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ ting(id: "1") { navn } }' }),
      });
      expect(response.status).toBe(200);
      // Keep-alive clients are told to reconnect, to an instance that is not going away.
      expect(response.headers.get('connection')).toBe('close');
    } finally {
      await server.stop();
    }
  });
});

describe('tracing', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const parentSpanId = '00f067aa0ba902b7';
  const traceparent = `00-${traceId}-${parentSpanId}-01`;

  it('puts the trace id of a valid traceparent into the request logs', async () => {
    const { url, server, logs } = await startTestServer();
    try {
      await post(url, '{ uventet }', { 'x-request-id': 'req-trace', traceparent });
      const line = logs.find((l) => l.includes('req-trace') && l.includes('unexpected error'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({ requestId: 'req-trace', traceId });
    } finally {
      await server.stop();
    }
  });

  it('starts a new trace when the traceparent is malformed', async () => {
    const { url, server, logs } = await startTestServer();
    try {
      await post(url, '{ uventet }', {
        'x-request-id': 'req-bad-trace',
        traceparent: `00-${'0'.repeat(32)}-${parentSpanId}-01`,
      });
      const line = logs.find((l) => l.includes('req-bad-trace'));
      const logged = JSON.parse(line ?? '{}') as { traceId?: string };
      expect(logged.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(logged.traceId).not.toBe('0'.repeat(32));
    } finally {
      await server.stop();
    }
  });

  it('records one span per request, named after the operation, in the caller’s trace', async () => {
    const exporter = new InMemorySpanExporter();
    const { url, server } = await startTestServer();
    const tracer = createRequestTracer({ service: 'test', url: 'http://unused', exporter });
    server.useTracer(tracer);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          traceparent,
        },
        body: JSON.stringify({
          query: 'query HentTing($id: ID!) { ting(id: $id) { navn } }',
          variables: { id: '1203654127' },
        }),
      });
      expect(response.status).toBe(200);
      await post(url, 'query Fejler { uventet }', { traceparent });
      await tracer.forceFlush();
      const spans = exporter.getFinishedSpans();
      expect(spans.map((span) => span.name)).toEqual(['HentTing', 'Fejler']);
      for (const span of spans) {
        expect(span.spanContext().traceId).toBe(traceId);
        expect(span.parentSpanContext?.spanId).toBe(parentSpanId);
        expect(span.spanContext().spanId).not.toBe(parentSpanId);
      }
      expect(spans[0]?.attributes).toEqual({
        service: 'test',
        'graphql.operation.name': 'HentTing',
        outcome: 'ok',
      });
      expect(spans[1]?.attributes.outcome).toBe('error');
      // Variables never go into a span.
      expect(JSON.stringify(spans[0]?.attributes)).not.toContain('1203654127');
    } finally {
      await server.stop();
    }
  });
});
