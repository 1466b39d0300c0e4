import { startGraph, type StartedGraph } from './start-graph';

const UNITS_WITH_KLE = `
  query Enheder($soeg: String) {
    organisationEnheder(filter: { soeg: $soeg }, first: 100) {
      totalCount
      nodes {
        navn
        organisation { navn kommunekode }
        sti { navn }
        kle { aspekt klasse { brugervendtNoegle titel } }
      }
    }
  }
`;

interface UnitNode {
  navn: string;
  organisation: { navn: string; kommunekode: string };
  sti: { navn: string }[];
  kle: { aspekt: string; klasse: { brugervendtNoegle: string; titel: string } }[];
}

describe('the graph through one gateway endpoint', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('returns units with the titles of their KLE classes from the klassifikation subgraph', async () => {
    const { status, body } = await graph.query(UNITS_WITH_KLE, {
      variables: { soeg: 'Byg og Miljø' },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const connection = body.data?.organisationEnheder as { totalCount: number; nodes: UnitNode[] };
    expect(connection.totalCount).toBe(5);
    const jammerbugt = connection.nodes.find((n) => n.organisation.kommunekode === '0849');
    expect(jammerbugt?.kle).toContainEqual({
      aspekt: 'ANSVARLIG',
      klasse: { brugervendtNoegle: '02.34.02', titel: 'Byggetilladelse' },
    });
  });

  it('gives each unit its path from the municipality down', async () => {
    const { body } = await graph.query(UNITS_WITH_KLE, { variables: { soeg: 'Byg og Miljø' } });
    const nodes = (body.data?.organisationEnheder as { nodes: UnitNode[] }).nodes;
    for (const node of nodes) {
      expect(node.sti[0]?.navn).toBe(node.organisation.navn);
      expect(node.sti[node.sti.length - 1]?.navn).toBe(node.navn);
      expect(node.sti.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('is ready when every subgraph is', async () => {
    const response = await fetch(graph.url.replace(/\/graphql$/, '/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ready',
      subgraphs: {
        organisation: 'ready',
        klassifikation: 'ready',
        sag: 'ready',
        dokument: 'ready',
        bbr: 'ready',
      },
    });
  });

  it('sends every subgraph fetch of one request the same instant', async () => {
    graph.resetCounts();
    await graph.query(UNITS_WITH_KLE, { variables: { soeg: 'Byg' } });
    const services = new Set(graph.fetches.map((f) => f.service));
    expect(services).toEqual(new Set(['organisation', 'klassifikation']));
    const instants = new Set(
      graph.fetches.map((f) => `${f.headers.virkningstid}|${f.headers.registreringstid}`),
    );
    expect(instants.size).toBe(1);
    const requestIds = new Set(graph.fetches.map((f) => f.headers['x-request-id']));
    expect(requestIds.size).toBe(1);
  });

  it('forwards the client time headers unchanged in meaning', async () => {
    graph.resetCounts();
    await graph.query('{ organisationer { totalCount } }', {
      headers: { Virkningstid: '2015-06-01T12:00:00+02:00', Registreringstid: '2030-01-01' },
    });
    expect(graph.fetches[0]?.headers).toMatchObject({
      virkningstid: '2015-06-01T10:00:00.000Z',
      registreringstid: '2030-01-01T00:00:00.000Z',
    });
  });
});

describe('bad input through the gateway', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it.each([
    ['a malformed unit uuid', '{ organisationEnhed(uuid: "not-a-uuid") { navn } }', 'uuid'],
    ['a malformed class uuid', '{ klasse(uuid: "123") { titel } }', 'uuid'],
    ['a malformed KLE number', '{ kle(nummer: "02.3x") { titel } }', 'nummer'],
    ['first above 100', '{ organisationEnheder(first: 101) { totalCount } }', 'first'],
    ['first above 100 on classes', '{ klasser(first: 1000) { totalCount } }', 'first'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, query, field) => {
    const { body } = await graph.query(query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers null for an unknown uuid', async () => {
    const { body } = await graph.query(
      '{ organisationEnhed(uuid: "00000000-0000-4000-8000-000000000000") { navn } klasse(uuid: "00000000-0000-4000-8000-000000000000") { titel } kle(nummer: "99.99.99") { titel } }',
    );
    expect(body).toEqual({ data: { organisationEnhed: null, klasse: null, kle: null } });
  });

  it.each([
    ['Virkningstid', 'i går'],
    ['Registreringstid', '2024-13-45T00:00:00Z'],
    ['Virkningstid', '2024-01-01T10:00'],
  ])('answers 400 BAD_USER_INPUT to a malformed %s header (%s)', async (header, value) => {
    const { status, body } = await graph.query('{ organisationer { totalCount } }', {
      headers: { [header]: value },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: header });
    expect(JSON.stringify(body)).not.toContain(value);
  });

  it('never echoes internals in errors', async () => {
    const { body } = await graph.query(
      '{ organisationEnhed(uuid: "x") { navn } kle(nummer: "bad") { titel } organisationEnheder(first: 500) { totalCount } }',
    );
    const text = JSON.stringify(body);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|stack|at .*\.ts|node_modules|response/i);
  });
});

describe('a subgraph that does not answer', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
    await graph.subgraphs.klassifikation.stop();
  });
  afterAll(() => graph.stop());

  it('reports the gateway unready, naming the subgraph', async () => {
    const response = await fetch(graph.url.replace(/\/graphql$/, '/ready'));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      subgraphs: { klassifikation: 'unavailable', organisation: 'ready' },
    });
  });

  it('leaves the other subgraph answering and names the failed service without its address', async () => {
    const { status, body } = await graph.query(UNITS_WITH_KLE, {
      variables: { soeg: 'Byg og Miljø' },
    });
    expect(status).toBe(200);
    const connection = body.data?.organisationEnheder as { totalCount: number } | undefined;
    expect(connection?.totalCount).toBe(5);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'DOWNSTREAM_SERVICE_ERROR',
      serviceName: 'klassifikation',
    });
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  });
});
