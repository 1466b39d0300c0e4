import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSag } from '../subgraphs/sag/sag/create-sag';
import { getSeedBygningId, getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { BBR_BATCH_SIZE, startGraph, type StartedGraph } from './start-graph';

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
