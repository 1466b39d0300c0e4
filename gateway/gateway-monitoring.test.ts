import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestIssuer } from '../subgraphs/kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../subgraphs/kit/auth/testing/full-access-claims';
import { createLogger } from '../subgraphs/kit/logger';
import { createGatewayServer, type GatewayServer } from './server';
import type { GatewayStatus } from './status/get-gateway-status';

const SUPERGRAPH = readFileSync(join(__dirname, '..', 'schema', 'supergraph.graphql'), 'utf8');

/** The value of one sample in a Prometheus text, or null when it is absent. */
function readSample(metrics: string, sample: string): number | null {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? null : Number(line.slice(sample.length + 1));
}

describe('the gateway monitoring routes', () => {
  let gateway: GatewayServer;
  let origin: string;
  let authorization: string;
  const subgraphCalls: string[] = [];

  beforeAll(async () => {
    const issuer = await getTestIssuer();
    authorization = `Bearer ${await issuer.sign(getFullAccessClaims())}`;
    gateway = await createGatewayServer({
      supergraphSdl: SUPERGRAPH,
      logger: createLogger({ name: 'test', level: 'silent' }),
      authenticate: issuer.createAuthenticator(),
      maxOperationLabels: 2,
      fetcher: async (input) => {
        subgraphCalls.push(String(input));
        return Response.json({ data: { sag: null } });
      },
    });
    origin = new URL(await gateway.listen(0)).origin;
  });

  afterAll(() => gateway.stop());

  const post = (body: unknown, headers: Record<string, string> = { authorization }) =>
    fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const metrics = async (): Promise<string> => (await fetch(`${origin}/metrics`)).text();

  it('serves /metrics and /status without a token, and nothing else', async () => {
    const scrape = await fetch(`${origin}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scrape.text();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('# TYPE gateway_requests_total counter');

    const status = await fetch(`${origin}/status`);
    expect(status.status).toBe(200);
    const body = (await status.json()) as GatewayStatus;
    expect(Object.keys(body.subgraphs).sort()).toEqual([
      'bbr',
      'dokument',
      'klassifikation',
      'organisation',
      'sag',
    ]);
    expect(body.breakers.sag).toBe('closed');
    expect(body.subgraphs.sag?.['1h']).toMatchObject({ fetches: 0, availability: null });
    expect((await fetch(`${origin}/statusx`)).status).toBe(401);
  });

  it('counts requests by operation and outcome: ok, and rejected for no token or a broken limit', async () => {
    const before = await metrics();
    const count = (text: string, operation: string, outcome: string): number =>
      readSample(text, `gateway_requests_total{operation="${operation}",outcome="${outcome}"}`) ??
      0;

    expect((await post({ query: 'query SagOpslag { sag(uuid: "x") { uuid } }' })).status).toBe(200);
    expect((await post({ query: '{ sag(uuid: "x") { uuid } }' }, {})).status).toBe(401);
    const deep = `query ForDyb { sag(uuid: "x") { ${'dokumenter { nodes { sag { '.repeat(6)}uuid${' } } }'.repeat(6)} } }`;
    // A refused document names no operation; the name the request carries is used.
    expect((await post({ query: deep, operationName: 'ForDyb' })).status).toBe(400);
    expect((await post({ query: '{ sag(uuid: "x") { findesIkke } }' })).status).toBe(400);

    const after = await metrics();
    expect(count(after, 'SagOpslag', 'ok') - count(before, 'SagOpslag', 'ok')).toBe(1);
    expect(count(after, 'unknown', 'rejected') - count(before, 'unknown', 'rejected')).toBe(1);
    expect(count(after, 'ForDyb', 'rejected') - count(before, 'ForDyb', 'rejected')).toBe(1);
    expect(count(after, 'anonymous', 'rejected') - count(before, 'anonymous', 'rejected')).toBe(1);
    expect(readSample(after, 'gateway_request_duration_seconds_count{operation="SagOpslag"}')).toBe(
      1,
    );
    expect(readSample(after, 'subgraph_fetch_duration_seconds_count{subgraph="sag"}')).toBe(1);
  });

  it('labels at most the configured number of operation names', async () => {
    for (const name of ['Een', 'To', 'Tre', 'Fire']) {
      await post({ query: `query ${name} { sag(uuid: "x") { uuid } }` });
    }
    const names = new Set(
      [...(await metrics()).matchAll(/gateway_requests_total\{operation="(\w+)"/g)].map(
        (match) => match[1],
      ),
    );
    // Two names (SagOpslag, ForDyb) were taken by the test before; the rest are "other".
    expect(
      [...names].filter((name) => !['unknown', 'anonymous'].includes(name ?? '')).sort(),
    ).toEqual(['ForDyb', 'SagOpslag', 'other']);
  });

  it('answers /ready with 503 once draining, while it still serves requests', async () => {
    gateway.startDraining();
    const ready = await fetch(`${origin}/ready`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'draining' }]);
    const answer = await post({ query: '{ sag(uuid: "x") { uuid } }' });
    expect([answer.status, answer.headers.get('connection')]).toEqual([200, 'close']);
  });
});
