import { randomUUID } from 'node:crypto';
import { countStoreCalls, type CountedStore } from '../../../test/count-store-calls';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { KLE_FACETTER } from '../kle/kle-klassifikation';
import { STORE_TYPES, type KlasseData } from '../kle/klassifikation-data';
import { seedKlassifikation } from '../seed/seed-klassifikation';
import { startTestServer, type TestServer } from '../testing/start-test-server';

const UUID_02_34 = '31697a9d-8321-42d8-ac0a-04b8ef356f8d';
const UUID_02_34_02 = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const UUID_G01 = '5ab851ea-f083-4ceb-9136-ec4a93f3a0e5';

interface Entity {
  brugervendtNoegle: string;
}

describe('Klasse', () => {
  let counted: CountedStore;
  let server: TestServer;
  let seeded: string[];

  beforeAll(async () => {
    counted = countStoreCalls(createEmbeddedStore());
    await seedKlassifikation(counted.store);
    const now = new Date();
    const page = await counted.store.search<KlasseData>({
      type: STORE_TYPES.klasse,
      at: { virkningstid: now, registreringstid: now },
      first: 100,
    });
    seeded = page.items.map((k) => k.uuid);
    server = await startTestServer(counted.store);
  });
  afterAll(() => server.stop());
  beforeEach(() => counted.reset());

  it('lists the direct children in key order', async () => {
    const { data } = await server.query(`{
      gruppe: kle(nummer: "02.34") { underklasser { brugervendtNoegle } }
      emne: kle(nummer: "02.34.02") { underklasser { brugervendtNoegle } }
      facetgruppe: kle(nummer: "Ø") { underklasser { brugervendtNoegle titel } }
    }`);
    expect(data).toEqual({
      gruppe: {
        underklasser: [{ brugervendtNoegle: '02.34.00' }, { brugervendtNoegle: '02.34.02' }],
      },
      emne: { underklasser: [] },
      facetgruppe: { underklasser: [{ brugervendtNoegle: 'Ø36', titel: 'Refusioner' }] },
    });
  });

  it('names its facet and the facet its classification', async () => {
    const { data } = await server.query(`{
      kle(nummer: "G01") { facet { uuid brugervendtNoegle klassifikation { brugervendtNoegle } } }
    }`);
    expect(data).toEqual({
      kle: {
        facet: {
          uuid: KLE_FACETTER.Handlingsfacet.uuid,
          brugervendtNoegle: 'Handlingsfacet',
          klassifikation: { brugervendtNoegle: 'KLE' },
        },
      },
    });
  });

  it('has no parent at the top and a path of itself alone', async () => {
    const { data } = await server.query(`{
      kle(nummer: "02") { overklasse { uuid } sti { brugervendtNoegle } niveau }
    }`);
    expect(data).toEqual({
      kle: { overklasse: null, sti: [{ brugervendtNoegle: '02' }], niveau: 'HOVEDGRUPPE' },
    });
  });

  it('shows its registrations', async () => {
    const { data } = await server.query(`{
      kle(nummer: "02.34.02") { registreringer { version fra til livscyklus aktoer note } }
    }`);
    expect(data).toEqual({
      kle: {
        registreringer: [
          {
            version: 1,
            fra: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            til: null,
            livscyklus: 'IMPORTERET',
            aktoer: 'seed',
            note: null,
          },
        ],
      },
    });
  });

  it('resolves entity references by uuid, null for unknown ones', async () => {
    const { data, errors } = await server.query(`{
      _entities(representations: [
        { __typename: "Klasse", uuid: "${UUID_02_34_02}" },
        { __typename: "Klasse", uuid: "${randomUUID()}" },
        { __typename: "Klasse", uuid: "${UUID_G01.toUpperCase()}" }
      ]) { ... on Klasse { brugervendtNoegle titel sti { brugervendtNoegle } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          brugervendtNoegle: '02.34.02',
          titel: 'Byggetilladelse',
          sti: [
            { brugervendtNoegle: '02' },
            { brugervendtNoegle: '02.34' },
            { brugervendtNoegle: '02.34.02' },
          ],
        },
        null,
        {
          brugervendtNoegle: 'G01',
          titel: 'Generelle sager',
          sti: [{ brugervendtNoegle: 'G' }, { brugervendtNoegle: 'G01' }],
        },
      ],
    });
  });

  it('rejects a malformed uuid in a reference as BAD_USER_INPUT, answering the others', async () => {
    const { data, errors } = await server.query(`{
      _entities(representations: [
        { __typename: "Klasse", uuid: "02.34.02" },
        { __typename: "Klasse", uuid: "${UUID_02_34}" }
      ]) { ... on Klasse { brugervendtNoegle } }
    }`);
    expect(data).toEqual({ _entities: [null, { brugervendtNoegle: '02.34' }] });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['_entities', 0],
        extensions: { code: 'BAD_USER_INPUT', field: 'uuid' },
      }),
    ]);
  });

  it('loads 50 entity references with one store read', async () => {
    const unknown = Array.from({ length: 50 - seeded.length }, () => randomUUID());
    const representations = [...seeded, ...unknown].map((uuid) => ({ __typename: 'Klasse', uuid }));
    expect(representations).toHaveLength(50);
    const { data, errors } = await server.query<{ _entities: (Entity | null)[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Klasse { brugervendtNoegle } } }',
      { variables: { r: representations } },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities.filter((e) => e !== null)).toHaveLength(seeded.length);
    expect(data?._entities.slice(seeded.length)).toEqual(unknown.map(() => null));
    expect(counted.calls.findByIds).toBe(1);
    expect(counted.calls.search).toBe(0);
  });

  it('answers a page of classes with parents, paths and children in two store searches', async () => {
    const { data } = await server.query<{
      klasser: { nodes: { overklasse: Entity | null; sti: Entity[]; underklasser: Entity[] }[] };
    }>(`{
      klasser(first: 100) {
        nodes {
          overklasse { brugervendtNoegle }
          sti { brugervendtNoegle }
          underklasser { brugervendtNoegle }
        }
      }
    }`);
    expect(data?.klasser.nodes).toHaveLength(33);
    // The page itself, then one search for every node's children; parents are on the page.
    expect(counted.calls.search).toBe(2);
    expect(counted.calls.findByIds).toBe(0);
  });
});
