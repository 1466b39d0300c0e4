import { readFileSync } from 'node:fs';
import { importKle } from '../subgraphs/klassifikation/kle/import-kle';
import { KLE_SEED_FILE } from '../subgraphs/klassifikation/seed/seed-klassifikation';
import { renameOrganisationEnhed } from '../subgraphs/organisation/organisation/rename-organisation-enhed';
import { SEED_IDS } from '../subgraphs/organisation/seed/seed-ids';
import { startGraph, type StartedGraph } from './start-graph';

const UNIT = SEED_IDS.jammerbugt.enheder.bygOgMiljoe;

const QUERY = `
  query Enhed($uuid: ID!) {
    organisationEnhed(uuid: $uuid) {
      navn
      kle { aspekt klasse { brugervendtNoegle titel } }
      registreringer { version livscyklus aktoer fra til }
    }
  }
`;

interface Answer {
  navn: string;
  kle: { aspekt: string; klasse: { brugervendtNoegle: string; titel: string } }[];
  registreringer: {
    version: number;
    livscyklus: string;
    aktoer: string;
    fra: string;
    til: string | null;
  }[];
}

function byggetilladelse(answer: Answer): string | undefined {
  return answer.kle.find((k) => k.klasse.brugervendtNoegle === '02.34.02')?.klasse.titel;
}

describe('one consistent point in time across subgraphs', () => {
  let graph: StartedGraph;
  let before: Date;

  beforeAll(async () => {
    graph = await startGraph();
    before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changedAt = new Date();
    await renameOrganisationEnhed(graph.stores.organisation.store, UNIT, 'Byggeri og Miljø', {
      fra: changedAt,
      aktoer: 'sagsbehandler-1',
    });
    const retitled = readFileSync(KLE_SEED_FILE, 'utf8').replace(
      '02.34.02 - Byggetilladelse',
      '02.34.02 - Byggetilladelse og dispensation',
    );
    const result = await importKle(graph.stores.klassifikation.store, retitled, {
      aktoer: 'kle-import',
      now: () => changedAt,
    });
    expect(result).toMatchObject({ created: 0, changed: 1 });
  });
  afterAll(() => graph.stop());

  async function ask(headers: Record<string, string> = {}): Promise<Answer> {
    const { body } = await graph.query(QUERY, { variables: { uuid: UNIT }, headers });
    expect(body.errors).toBeUndefined();
    return body.data?.organisationEnhed as Answer;
  }

  it('answers with both new values by default', async () => {
    const answer = await ask();
    expect(answer.navn).toBe('Byggeri og Miljø');
    expect(byggetilladelse(answer)).toBe('Byggetilladelse og dispensation');
  });

  it('answers with both old values at an earlier Virkningstid', async () => {
    const answer = await ask({ Virkningstid: before.toISOString() });
    expect(answer.navn).toBe('Byg og Miljø');
    expect(byggetilladelse(answer)).toBe('Byggetilladelse');
  });

  it('answers with both old values at an earlier Registreringstid', async () => {
    const answer = await ask({ Registreringstid: before.toISOString() });
    expect(answer.navn).toBe('Byg og Miljø');
    expect(byggetilladelse(answer)).toBe('Byggetilladelse');
  });

  it('keeps the history of the unit with actor and lifecycle', async () => {
    const answer = await ask();
    expect(answer.registreringer).toEqual([
      expect.objectContaining({
        version: 1,
        livscyklus: 'IMPORTERET',
        aktoer: 'seed',
        til: expect.any(String),
      }),
      expect.objectContaining({
        version: 2,
        livscyklus: 'RETTET',
        aktoer: 'sagsbehandler-1',
        til: null,
      }),
    ]);
    expect(answer.registreringer[0]?.til).toBe(answer.registreringer[1]?.fra);
  });
});
