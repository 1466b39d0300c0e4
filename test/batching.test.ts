import { readFileSync } from 'node:fs';
import { parseKleCsv } from '../subgraphs/klassifikation/kle/parse-kle-csv';
import { createOrganisationEnhed } from '../subgraphs/organisation/organisation/create-organisation-enhed';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { FULL_KLE_FILE, startGraph, type StartedGraph } from './start-graph';

const QUERY = `
  query Enheder($organisation: ID!, $first: Int!) {
    organisationEnheder(filter: { organisation: $organisation, soeg: "Team" }, first: $first) {
      totalCount
      nodes { navn kle { aspekt klasse { brugervendtNoegle titel } } }
    }
  }
`;

describe('listing units with their KLE classes', () => {
  let graph: StartedGraph;
  const organisation = SEED_IDS.hjoerring.organisation;
  const emner = parseKleCsv(readFileSync(FULL_KLE_FILE, 'utf8'))
    .filter((row) => row.nummer.niveau === 'EMNE')
    .slice(0, 100);

  beforeAll(async () => {
    graph = await startGraph({ fullKle: true });
    for (const [i, emne] of emner.entries()) {
      await createOrganisationEnhed(
        graph.stores.organisation.store,
        {
          brugervendtNoegle: `team-${i}`,
          navn: `Team ${i}`,
          organisation,
          overordnet: SEED_IDS.hjoerring.enheder.kommune,
          kle: [{ aspekt: 'UDFOERENDE', klasse: emne.uuid }],
        },
        { fra: new Date('2020-01-01T00:00:00Z'), aktoer: 'test' },
      );
    }
  });
  afterAll(() => graph.stop());

  it.each([10, 100])(
    'costs one fetch per subgraph and one batched store read per entity type for %i units',
    async (first) => {
      graph.resetCounts();
      const { body } = await graph.query(QUERY, { variables: { organisation, first } });
      expect(body.errors).toBeUndefined();
      const connection = body.data?.organisationEnheder as {
        totalCount: number;
        nodes: { navn: string; kle: { klasse: { brugervendtNoegle: string; titel: string } }[] }[];
      };
      expect(connection.totalCount).toBe(100);
      expect(connection.nodes).toHaveLength(first);
      const numbers = connection.nodes.map((n) => n.kle[0]?.klasse.brugervendtNoegle);
      expect(new Set(numbers).size).toBe(first);
      for (const node of connection.nodes)
        expect(node.kle[0]?.klasse.titel).toEqual(expect.any(String));

      expect(graph.fetches.filter((f) => f.service === 'organisation')).toHaveLength(1);
      expect(graph.fetches.filter((f) => f.service === 'klassifikation')).toHaveLength(1);
      expect(graph.stores.organisation.calls).toMatchObject({ search: 1, findByIds: 0 });
      expect(graph.stores.klassifikation.calls).toMatchObject({ findByIds: 1, search: 0 });
    },
  );
});
