import { KLE_FACETTER, KLE_KLASSIFIKATION } from '../kle/kle-klassifikation';
import { startTestServer, type TestServer } from '../testing/start-test-server';

const UUID_02_34_02 = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

interface KlasserPage {
  klasser: {
    totalCount: number;
    nodes: { brugervendtNoegle: string }[];
    edges: { cursor: string; node: { brugervendtNoegle: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const KLASSER = `
  query Klasser($filter: KlasseFilter, $first: Int, $after: String) {
    klasser(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes { brugervendtNoegle }
      edges { cursor node { brugervendtNoegle } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('Query', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const numbers = (data: KlasserPage | null | undefined): string[] =>
    data?.klasser.nodes.map((n) => n.brugervendtNoegle) ?? [];

  describe('kle', () => {
    it('finds a KLE subject by number, with its parent and its path from the top', async () => {
      const { data, errors } = await server.query(`{
        kle(nummer: "02.34.02") {
          uuid titel niveau
          overklasse { brugervendtNoegle }
          sti { brugervendtNoegle titel }
        }
      }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        kle: {
          uuid: UUID_02_34_02,
          titel: 'Byggetilladelse',
          niveau: 'EMNE',
          overklasse: { brugervendtNoegle: '02.34' },
          sti: [
            { brugervendtNoegle: '02', titel: 'Byggeri' },
            { brugervendtNoegle: '02.34', titel: 'Byggetilladelse og anmeldelse om byggearbejde' },
            { brugervendtNoegle: '02.34.02', titel: 'Byggetilladelse' },
          ],
        },
      });
    });

    it('finds an action facet, whatever the case of its letter', async () => {
      const { data } = await server.query(`{
        kle(nummer: "k02") { brugervendtNoegle titel niveau overklasse { titel } }
      }`);
      expect(data).toEqual({
        kle: {
          brugervendtNoegle: 'K02',
          titel: 'Klage',
          niveau: 'HANDLINGSFACET',
          overklasse: { titel: 'Kontrol og klager' },
        },
      });
    });

    it('answers null for a well-formed number that is not in KLE', async () => {
      const { data, errors } = await server.query('{ kle(nummer: "99.99.99") { titel } }');
      expect(errors).toBeUndefined();
      expect(data).toEqual({ kle: null });
    });

    it.each(['2.34', '02.34.02.01', 'X01', '.*', ''])(
      'rejects the malformed number %j as BAD_USER_INPUT on nummer',
      async (nummer) => {
        const { data, errors } = await server.query(
          'query ($nummer: String!) { kle(nummer: $nummer) { titel } }',
          { variables: { nummer } },
        );
        expect(data).toEqual({ kle: null });
        expect(errors).toEqual([
          expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'nummer' } }),
        ]);
      },
    );

    it('answers for the requested point in time: nothing before KLE was valid', async () => {
      const query = '{ kle(nummer: "02") { titel } }';
      expect((await server.query(query, { headers: { Virkningstid: '1899-12-31' } })).data).toEqual(
        { kle: null },
      );
      expect(
        (await server.query(query, { headers: { Registreringstid: '2000-01-01' } })).data,
      ).toEqual({ kle: null });
    });
  });

  describe('klasse and klassifikation', () => {
    it('finds a class by uuid, in any letter case', async () => {
      const { data } = await server.query(
        `{ klasse(uuid: "${UUID_02_34_02.toUpperCase()}") { brugervendtNoegle facet { brugervendtNoegle } } }`,
      );
      expect(data).toEqual({
        klasse: { brugervendtNoegle: '02.34.02', facet: { brugervendtNoegle: 'Emne' } },
      });
    });

    it('finds KLE with its two facets', async () => {
      const { data } = await server.query(
        `{ klassifikation(uuid: "${KLE_KLASSIFIKATION.uuid}") { brugervendtNoegle titel facetter { uuid brugervendtNoegle } } }`,
      );
      expect(data).toEqual({
        klassifikation: {
          brugervendtNoegle: 'KLE',
          titel: 'KL Emnesystematik',
          facetter: [
            { uuid: KLE_FACETTER.Emne.uuid, brugervendtNoegle: 'Emne' },
            { uuid: KLE_FACETTER.Handlingsfacet.uuid, brugervendtNoegle: 'Handlingsfacet' },
          ],
        },
      });
    });

    it('answers null for unknown uuids', async () => {
      const { data, errors } = await server.query(
        `{ klasse(uuid: "${UNKNOWN_UUID}") { titel } klassifikation(uuid: "${UNKNOWN_UUID}") { titel } }`,
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({ klasse: null, klassifikation: null });
    });

    it('rejects malformed uuids as BAD_USER_INPUT on uuid', async () => {
      const { errors } = await server.query(
        '{ klasse(uuid: "02.34.02") { titel } klassifikation(uuid: "KLE") { titel } }',
      );
      expect(errors).toEqual([
        expect.objectContaining({
          path: ['klasse'],
          extensions: { code: 'BAD_USER_INPUT', field: 'uuid' },
        }),
        expect.objectContaining({
          path: ['klassifikation'],
          extensions: { code: 'BAD_USER_INPUT', field: 'uuid' },
        }),
      ]);
    });
  });

  describe('klasser', () => {
    it('lists every class in key order, 20 at a time by default', async () => {
      const { data } = await server.query<KlasserPage>(KLASSER);
      expect(data?.klasser.totalCount).toBe(33);
      expect(numbers(data)).toHaveLength(20);
      expect(numbers(data).slice(0, 4)).toEqual(['00', '00.01', '00.01.00', '02']);
    });

    it('pages through the classes under a number prefix', async () => {
      const filter = { nummerPrefix: '02.34' };
      const first = await server.query<KlasserPage>(KLASSER, { variables: { filter, first: 2 } });
      expect(first.data?.klasser).toMatchObject({
        totalCount: 3,
        nodes: [{ brugervendtNoegle: '02.34' }, { brugervendtNoegle: '02.34.00' }],
        pageInfo: { hasNextPage: true },
      });
      const endCursor = first.data?.klasser.pageInfo.endCursor;
      expect(endCursor).toBe(first.data?.klasser.edges[1]?.cursor);
      const second = await server.query<KlasserPage>(KLASSER, {
        variables: { filter, first: 2, after: endCursor },
      });
      expect(second.data?.klasser).toMatchObject({
        totalCount: 3,
        nodes: [{ brugervendtNoegle: '02.34.02' }],
        pageInfo: { hasNextPage: false },
      });
    });

    it('lists the action facets of the handlingsfacet facet, letters in KLE order', async () => {
      const { data } = await server.query<KlasserPage>(KLASSER, {
        variables: { filter: { facet: KLE_FACETTER.Handlingsfacet.uuid } },
      });
      expect(numbers(data)).toEqual(['A', 'A53', 'G', 'G01', 'K', 'K02', 'P', 'P19', 'Ø', 'Ø36']);
    });

    it('searches titles for literal text, ignoring case', async () => {
      const { data } = await server.query<KlasserPage>(KLASSER, {
        variables: { filter: { soeg: 'BYGGETILLADELSE' } },
      });
      expect(numbers(data)).toEqual(['02.34', '02.34.00', '02.34.02']);
    });

    it.each(['.*', '^', '$gt', '(', '%'])(
      'takes %j in soeg as text, so it does not match every title',
      async (soeg) => {
        const { data, errors } = await server.query<KlasserPage>(KLASSER, {
          variables: { filter: { soeg } },
        });
        expect(errors).toBeUndefined();
        expect(data?.klasser.totalCount).toBe(0);
      },
    );

    it('combines the conditions of a filter', async () => {
      const { data } = await server.query<KlasserPage>(KLASSER, {
        variables: { filter: { nummerPrefix: '27', soeg: 'unge', facet: KLE_FACETTER.Emne.uuid } },
      });
      expect(numbers(data)).toEqual(['27.24', '27.24.00', '27.24.06']);
    });

    it.each([
      [{ first: 101 }, 'first'],
      [{ first: 0 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ filter: { facet: 'Emne' } }, 'filter.facet'],
      [{ filter: { nummerPrefix: '.*' } }, 'filter.nummerPrefix'],
      [{ filter: { soeg: 'x'.repeat(101) } }, 'filter.soeg'],
    ])('rejects %j as BAD_USER_INPUT on %s', async (variables, field) => {
      const { data, errors } = await server.query(KLASSER, { variables });
      expect(data).toEqual({ klasser: null });
      expect(errors).toEqual([
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } }),
      ]);
    });
  });
});
