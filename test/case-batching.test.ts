import { createSag } from '../subgraphs/sag/sag/create-sag';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { startGraph, type StartedGraph, type SubgraphName } from './start-graph';

const QUERY = `
  query Sager($organisation: ID!, $first: Int!) {
    sager(filter: { organisation: $organisation, soeg: "Massesag" }, first: $first) {
      totalCount
      nodes {
        titel
        kle { titel }
        ansvarligEnhed { navn }
        sagsbehandler { navn }
        dokumenter { totalCount }
      }
    }
  }
`;

const hjoerring = SEED_IDS.hjoerring;
const KLASSER = [
  { kle: 'e9073dc0-8967-4a20-a1be-bfd999a1c138', kleNummer: '02.34.02' },
  { kle: '78d85df3-edde-4285-8a9d-d359f19ab1d9', kleNummer: '25.02.01' },
  { kle: '5256fbc6-949f-4109-bb71-f6e257df84ba', kleNummer: '27.24.03' },
];
const ENHEDER = [
  hjoerring.enheder.bygOgMiljoe,
  hjoerring.enheder.ejendomsskat,
  hjoerring.enheder.familieafdelingen,
];
const BRUGERE = Object.values(hjoerring.brugere);

describe('a page of cases across four subgraphs', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
    const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
    for (let i = 0; i < 100; i += 1) {
      await createSag(
        graph.stores.sag.store,
        {
          organisation: hjoerring.organisation,
          titel: `Massesag ${i}`,
          ...pick(KLASSER, i),
          ansvarligEnhed: pick(ENHEDER, i),
          sagsbehandler: pick(BRUGERE, i),
        },
        { aktoer: 'test', tid: new Date() },
      );
    }
  });
  afterAll(() => graph.stop());

  async function measure(first: number) {
    graph.resetCounts();
    const { body } = await graph.query(QUERY, {
      variables: { organisation: hjoerring.organisation, first },
    });
    expect(body.errors).toBeUndefined();
    const sager = body.data?.sager as {
      totalCount: number;
      nodes: { kle: { titel: string }; ansvarligEnhed: { navn: string } }[];
    };
    expect(sager.totalCount).toBe(100);
    expect(sager.nodes).toHaveLength(first);
    for (const node of sager.nodes) {
      expect(node.kle.titel).toEqual(expect.any(String));
      expect(node.ansvarligEnhed.navn).toEqual(expect.any(String));
    }
    const fetches: Partial<Record<SubgraphName, number>> = {};
    for (const f of graph.fetches) fetches[f.service] = (fetches[f.service] ?? 0) + 1;
    const reads = Object.fromEntries(
      Object.entries(graph.stores).map(([name, counted]) => [
        name,
        counted.calls.findByIds + counted.calls.search,
      ]),
    );
    return { fetches, reads, sagLookups: graph.sagLookups.length };
  }

  it('costs the same fixed number of fetches and store reads for 10 and for 100 cases', async () => {
    // The first request looks up each municipality of the token in the organisation directory
    // (sag and dokument resolve a privilege group's CVR there); the answers are cached after it.
    await measure(1);
    const ten = await measure(10);
    const hundred = await measure(100);
    expect(hundred).toEqual(ten);
    // The planner fetches units and users from organisation in two parallel entity fetches.
    expect(hundred.fetches).toEqual({ sag: 1, klassifikation: 1, organisation: 2, dokument: 1 });
    // sag: the search, and the cases' current access attributes dokument asks for (one batched
    // lookup for the whole page); klassifikation: the classes; organisation: units + users + the
    // users' organisations (who may see a user depends on its municipality); dokument: the counts.
    expect(hundred.reads).toEqual({ sag: 2, klassifikation: 1, organisation: 3, dokument: 1 });
    expect(hundred.sagLookups).toBe(1);
  });
});
