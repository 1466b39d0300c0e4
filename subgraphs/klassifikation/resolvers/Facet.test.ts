import { KLE_FACETTER, KLE_KLASSIFIKATION } from '../kle/kle-klassifikation';
import { startTestServer, type TestServer } from '../testing/start-test-server';

const { Emne, Handlingsfacet } = KLE_FACETTER;

const FACET_KLASSER = `
  query ($facet: _Any!, $filter: KlasseFilter, $first: Int) {
    _entities(representations: [$facet]) {
      ... on Facet {
        brugervendtNoegle
        klasser(filter: $filter, first: $first) {
          totalCount
          nodes { brugervendtNoegle }
          pageInfo { hasNextPage }
        }
      }
    }
  }
`;

describe('Facet', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const facetKlasser = (uuid: string, variables: Record<string, unknown> = {}) =>
    server.query(FACET_KLASSER, {
      variables: { facet: { __typename: 'Facet', uuid }, ...variables },
    });

  it('lists the classes of the facet only, in key order and pages', async () => {
    const { data, errors } = await facetKlasser(Handlingsfacet.uuid, { first: 3 });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          brugervendtNoegle: 'Handlingsfacet',
          klasser: {
            totalCount: 10,
            nodes: [
              { brugervendtNoegle: 'A' },
              { brugervendtNoegle: 'A53' },
              { brugervendtNoegle: 'G' },
            ],
            pageInfo: { hasNextPage: true },
          },
        },
      ],
    });
  });

  it('applies the filter within the facet', async () => {
    const { data } = await facetKlasser(Emne.uuid, { filter: { nummerPrefix: '25.02.0' } });
    expect(data).toMatchObject({
      _entities: [
        {
          klasser: {
            totalCount: 3,
            nodes: [
              { brugervendtNoegle: '25.02.00' },
              { brugervendtNoegle: '25.02.01' },
              { brugervendtNoegle: '25.02.03' },
            ],
          },
        },
      ],
    });
  });

  it('finds nothing when the filter names another facet', async () => {
    const { data } = await facetKlasser(Emne.uuid, { filter: { facet: Handlingsfacet.uuid } });
    expect(data).toMatchObject({ _entities: [{ klasser: { totalCount: 0, nodes: [] } }] });
  });

  it('rejects first over 100 as BAD_USER_INPUT', async () => {
    const { errors } = await facetKlasser(Emne.uuid, { first: 101 });
    expect(errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }),
    ]);
  });

  it('resolves facet and classification references with their registrations', async () => {
    const { data } = await server.query(`{
      _entities(representations: [
        { __typename: "Facet", uuid: "${Emne.uuid}" },
        { __typename: "Klassifikation", uuid: "${KLE_KLASSIFIKATION.uuid}" }
      ]) {
        ... on Facet { titel klassifikation { uuid } registreringer { version livscyklus } }
        ... on Klassifikation { titel registreringer { version livscyklus } }
      }
    }`);
    expect(data).toEqual({
      _entities: [
        {
          titel: 'Emneplan',
          klassifikation: { uuid: KLE_KLASSIFIKATION.uuid },
          registreringer: [{ version: 1, livscyklus: 'IMPORTERET' }],
        },
        { titel: 'KL Emnesystematik', registreringer: [{ version: 1, livscyklus: 'IMPORTERET' }] },
      ],
    });
  });
});
