import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSag } from '../subgraphs/sag/sag/create-sag';
import { getSeedBygningId, getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import {
  OFFLINE_GENERATED_PER_KOMMUNE,
  OFFLINE_MAX_PAGE_SIZE,
} from '../subgraphs/bbr/offline/create-offline-bbr-upstream';
import { BBR_BATCH_SIZE, startGraph, type StartedGraph } from './start-graph';

// Building 1 of Jammerbugt: its use changed from 110 (Stuehus) to 120 in effect 2021-06-01.
const CHANGED_USE = getSeedBygningId('0849', 1);

const CASE_WITH_BUILDING = `
  query ($uuid: ID!) {
    sag(uuid: $uuid) {
      titel
      bygninger { id anvendelse { kode tekst } opfoerelsesaar samletBygningsareal }
    }
  }
`;

describe('buildings from BBR in the graph', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it("shows a building-permit case's building with its use label, year and area", async () => {
    const { body } = await graph.query(CASE_WITH_BUILDING, {
      variables: { uuid: getSeedSagUuid('0849', 1) },
    });
    expect(body.errors).toBeUndefined();
    const sag = body.data?.sag as {
      bygninger: {
        id: string;
        anvendelse: { kode: string; tekst: string | null };
        opfoerelsesaar: number | null;
        samletBygningsareal: number | null;
      }[];
    };
    expect(sag.bygninger).toEqual([
      {
        id: getSeedBygningId('0849', 1),
        anvendelse: { kode: '120', tekst: 'Fritliggende enfamiliehus' },
        opfoerelsesaar: expect.any(Number),
        samletBygningsareal: expect.any(Number),
      },
    ]);
  });

  it('shows the use a building had at an earlier Virkningstid (before the case existed)', async () => {
    const query = `query ($id: ID!, $sag: ID!) { bygning(id: $id) { anvendelse { kode } } sag(uuid: $sag) { titel } }`;
    const variables = { id: getSeedBygningId('0849', 1), sag: getSeedSagUuid('0849', 1) };
    const { body } = await graph.query(query, {
      variables,
      headers: { Virkningstid: '2020-01-01T00:00:00Z' },
    });
    expect(body.errors).toBeUndefined();
    // One instant for every subgraph: the building had its old use, and the case did not exist yet.
    expect(body.data).toEqual({ bygning: { anvendelse: { kode: '110' } }, sag: null });
  });

  it('shows a building with its cases, from two subgraphs through one key', async () => {
    const { body } = await graph.query(
      `query ($id: ID!) { bygning(id: $id) { anvendelse { tekst } sager { totalCount nodes { titel } } } }`,
      { variables: { id: getSeedBygningId('0810', 5) } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.bygning).toMatchObject({
      sager: { totalCount: 1, nodes: [{ titel: 'Byggetilladelse – garage (afsluttet)' }] },
    });
  });

  it('answers the case fields and fails only the BBR fields when the upstream is too slow', async () => {
    graph.bbrUpstream.setFaults({ latencyMs: 3000 });
    try {
      const { body } = await graph.query(
        `query ($uuid: ID!) { sag(uuid: $uuid) { titel bygninger { id anvendelse { tekst } } } }`,
        { variables: { uuid: getSeedSagUuid('0813', 2) } },
      );
      expect(body.data?.sag).toMatchObject({ titel: 'Byggetilladelse – carport' });
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|BBRPublic/);
    } finally {
      graph.bbrUpstream.clearFaults();
    }
  });
});

describe('a building whose use changed, through a case at two points in time', () => {
  let graph: StartedGraph;
  let sagUuid: string;
  beforeAll(async () => {
    graph = await startGraph();
    const jammerbugt = SEED_IDS.jammerbugt;
    // A case in effect since 2019, so it exists at both instants asked.
    const sag = await createSag(
      graph.stores.sag.store,
      {
        organisation: jammerbugt.organisation,
        titel: 'Byggetilladelse – ombygning af stuehus',
        kle: 'e9073dc0-8967-4a20-a1be-bfd999a1c138',
        kleNummer: '02.34.02',
        ansvarligEnhed: jammerbugt.enheder.bygOgMiljoe,
        bygninger: [CHANGED_USE],
      },
      { aktoer: 'test', tid: new Date('2019-03-01T00:00:00Z') },
    );
    sagUuid = sag.uuid;
  });
  afterAll(() => graph.stop());

  const useAt = async (headers: Record<string, string>) => {
    const { body } = await graph.query(
      `query ($uuid: ID!) { sag(uuid: $uuid) { titel bygninger { id anvendelse { kode } } } }`,
      { variables: { uuid: sagUuid }, headers },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.sag as { titel: string; bygninger: { anvendelse: { kode: string } }[] };
  };

  it('shows the old use at a Virkningstid before the change, asked of BBR at that instant', async () => {
    graph.bbrUpstream.requests.length = 0;
    const then = await useAt({ Virkningstid: '2020-01-01T00:00:00Z' });
    expect(then).toEqual({
      titel: 'Byggetilladelse – ombygning af stuehus',
      bygninger: [{ id: CHANGED_USE, anvendelse: { kode: '110' } }],
    });
    // The upstream was asked for 2020, not for the full history.
    expect(graph.bbrUpstream.requests).toEqual([
      expect.objectContaining({
        protocol: 'graphql',
        path: 'BBR_Bygning',
        params: expect.objectContaining({ virkningstid: '2020-01-01T00:00:00.000Z' }),
      }),
    ]);
  });

  it('shows the new use now, asked of BBR for now', async () => {
    graph.bbrUpstream.requests.length = 0;
    const before = Date.now();
    const now = await useAt({});
    expect(now.bygninger).toEqual([{ id: CHANGED_USE, anvendelse: { kode: '120' } }]);
    const asked = Date.parse(graph.bbrUpstream.requests[0]?.params.virkningstid ?? '');
    expect(asked).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('BBR with refused credentials', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph({ bbrApiKey: 'a-wrong-key-000' });
  });
  afterAll(() => graph.stop());

  it('answers the case and fails only its BBR fields, without a retry storm upstream', async () => {
    graph.bbrUpstream.requests.length = 0;
    const query = `query ($uuid: ID!) { sag(uuid: $uuid) { titel bygninger { id anvendelse { kode } } } }`;
    const answers = [];
    for (let i = 0; i < 10; i += 1) {
      answers.push(await graph.query(query, { variables: { uuid: getSeedSagUuid('0849', 1) } }));
    }
    for (const { body } of answers) {
      expect(body.data?.sag).toMatchObject({ titel: expect.any(String) });
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toContain('a-wrong-key-000');
    }
    // The refusal is a configuration error: one call found it, the other nine were not sent.
    expect(graph.bbrUpstream.requests).toHaveLength(1);
    const reported = graph.logLines.filter((l) => l.includes('configuration error'));
    expect(reported).toHaveLength(1);
    expect(graph.logLines.join('')).not.toContain('a-wrong-key-000');
  });

  it('is not ready, naming the BBR credential problem but not the key', async () => {
    const bbrReady = await fetch(graph.subgraphUrls.bbr.replace(/\/graphql$/, '/ready'));
    expect(bbrReady.status).toBe(503);
    const body = await bbrReady.text();
    expect(JSON.parse(body)).toEqual({
      status: 'unavailable',
      reason: 'BBR refused the configured credentials (HTTP 401); check BBR_API_KEY',
    });
    expect(body).not.toContain('a-wrong-key-000');
    const gatewayReady = await fetch(graph.url.replace(/\/graphql$/, '/ready'));
    expect(gatewayReady.status).toBe(503);
    expect(await gatewayReady.text()).toContain('bbr');
  });

  it('is ready with the right key, so the refusal is what made it unready', async () => {
    const good = await startGraph();
    try {
      await good.query(`query ($id: ID!) { bygning(id: $id) { id } }`, {
        variables: { id: CHANGED_USE },
      });
      const ready = await fetch(good.subgraphUrls.bbr.replace(/\/graphql$/, '/ready'));
      expect(ready.status).toBe(200);
    } finally {
      await good.stop();
    }
  });
});

describe('buildings of many cases', () => {
  let graph: StartedGraph;
  const fixtures = JSON.parse(
    readFileSync(
      join(__dirname, '..', 'subgraphs', 'bbr', 'offline', 'fixtures', 'bygning.json'),
      'utf8',
    ),
  ) as { id_lokalId: string }[];
  const bygninger = [...new Set(fixtures.map((b) => b.id_lokalId))];
  const laesoe = SEED_IDS.laesoe;

  beforeAll(async () => {
    graph = await startGraph();
    for (const [i, bygning] of bygninger.entries()) {
      await createSag(
        graph.stores.sag.store,
        {
          organisation: laesoe.organisation,
          titel: `Bygningssag ${i}`,
          kle: 'e9073dc0-8967-4a20-a1be-bfd999a1c138',
          kleNummer: '02.34.02',
          ansvarligEnhed: laesoe.enheder.bygOgMiljoe,
          bygninger: [bygning],
        },
        { aktoer: 'test', tid: new Date() },
      );
    }
  });
  afterAll(() => graph.stop());

  it('asks the upstream once per batch of ids, and not again within the cache time', async () => {
    const query = () =>
      graph.query(
        `query ($organisation: ID!) {
          sager(filter: { organisation: $organisation, soeg: "Bygningssag" }, first: 100) {
            totalCount nodes { bygninger { anvendelse { kode } } }
          }
        }`,
        { variables: { organisation: laesoe.organisation } },
      );
    graph.bbrUpstream.requests.length = 0;
    const first = await query();
    expect(first.body.errors).toBeUndefined();
    expect((first.body.data?.sager as { totalCount: number }).totalCount).toBe(bygninger.length);
    expect(graph.bbrUpstream.requests).toHaveLength(Math.ceil(bygninger.length / BBR_BATCH_SIZE));

    graph.bbrUpstream.requests.length = 0;
    const again = await query();
    expect(again.body.data).toEqual(first.body.data);
    expect(graph.bbrUpstream.requests).toHaveLength(0);
  });
});

describe('a municipality with more buildings than one upstream page, through the gateway', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('pages bygninger(filter: { kommunekode }) to the end, every building exactly once', async () => {
    const fixtures = JSON.parse(
      readFileSync(
        join(__dirname, '..', 'subgraphs', 'bbr', 'offline', 'fixtures', 'bygning.json'),
        'utf8',
      ),
    ) as {
      id_lokalId: string;
      kommunekode: string;
      registreringTil: unknown;
      virkningTil: unknown;
    }[];
    const standing = new Set(
      fixtures
        .filter(
          (b) => b.kommunekode === '0813' && b.registreringTil === null && b.virkningTil === null,
        )
        .map((b) => b.id_lokalId),
    );
    type Page = {
      nodes: { id: string; kommunekode: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const response: { body: { errors?: unknown; data?: Record<string, unknown> | null } } =
        await graph.query(
          `query ($after: String) {
            bygninger(filter: { kommunekode: "0813" }, first: 100, after: $after) {
              nodes { id kommunekode } pageInfo { hasNextPage endCursor }
            }
          }`,
          { variables: { after } },
        );
      expect(response.body.errors).toBeUndefined();
      const page = response.body.data?.bygninger as Page;
      ids.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids.length).toBe(standing.size + OFFLINE_GENERATED_PER_KOMMUNE);
    expect(ids.length).toBeGreaterThan(OFFLINE_MAX_PAGE_SIZE);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...standing]));
  });
});
