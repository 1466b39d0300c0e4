import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../../kit/store/embedded-store';
import { createBruger } from '../organisation/create-bruger';
import { createOrganisation } from '../organisation/create-organisation';
import { createOrganisationEnhed } from '../organisation/create-organisation-enhed';
import type { KleTilknytningData } from '../organisation/organisation-data';
import { startTestServer, type TestServer } from '../testing/start-test-server';

type Reads = { findByIds: number; search: number; findHistory: number };

/** Counts the reads a query causes, per store method. */
function countReads(inner: BitemporalStore): { store: BitemporalStore; reads: Reads } {
  const reads: Reads = { findByIds: 0, search: 0, findHistory: 0 };
  return {
    reads,
    store: {
      ...inner,
      findByIds: (type, uuids, at) => {
        reads.findByIds += 1;
        return inner.findByIds(type, uuids, at);
      },
      search: (query) => {
        reads.search += 1;
        return inner.search(query);
      },
      findHistory: (type, uuid) => {
        reads.findHistory += 1;
        return inner.findHistory(type, uuid);
      },
    },
  };
}

const UNITS = 100;
const KLASSE = '5256fbc6-949f-4109-bb71-f6e257df84ba';
const OPTIONS = { fra: new Date('2020-01-01T00:00:00Z'), aktoer: 'test' };

describe('per-request loaders', () => {
  let server: TestServer;
  let reads: Reads;
  let afdeling: string;
  const brugere: string[] = [];

  beforeAll(async () => {
    const counted = countReads(createEmbeddedStore());
    const store = counted.store;
    const organisation = (
      await createOrganisation(
        store,
        { brugervendtNoegle: 'jb', navn: 'Jammerbugt Kommune', cvr: '29189625' },
        OPTIONS,
      )
    ).uuid;
    const create = async (
      brugervendtNoegle: string,
      navn: string,
      overordnet: string | null,
      kle: KleTilknytningData[] = [],
    ) =>
      (
        await createOrganisationEnhed(
          store,
          { brugervendtNoegle, navn, organisation, overordnet, kle },
          OPTIONS,
        )
      ).uuid;
    // Root → administration → 100 teams, each with one user and one sub-team tagged with KLASSE,
    // so the sub-teams are 100 units with 100 different parents.
    const root = await create('jb', 'Jammerbugt Kommune', null);
    afdeling = await create('jb-tm', 'Teknik og Miljø', root);
    for (let i = 0; i < UNITS; i += 1) {
      const key = `jb-tm-${String(i).padStart(3, '0')}`;
      const team = await create(key, `Team ${i}`, afdeling);
      await create(`${key}-a`, `Team ${i} A`, team, [{ aspekt: 'UDFOERENDE', klasse: KLASSE }]);
      const bruger = await createBruger(
        store,
        { brugervendtNoegle: `${key}-user`, navn: `Bruger ${i}`, organisation, enheder: [team] },
        OPTIONS,
      );
      brugere.push(bruger.uuid);
    }
    reads = counted.reads;
    server = await startTestServer(store);
  });
  afterAll(() => server.stop());

  async function readsFor(query: string, variables: Record<string, unknown>): Promise<Reads> {
    reads.findByIds = 0;
    reads.search = 0;
    reads.findHistory = 0;
    const { body } = await server.query(query, { variables });
    expect(body.errors).toBeUndefined();
    return { ...reads };
  }

  const SUB_TEAMS_QUERY = `query ($kle: ID!, $first: Int) {
    organisationEnheder(filter: { kle: $kle }, first: $first) {
      nodes { navn organisation { navn } overordnet { navn } sti { navn } underenheder { navn } }
    }
  }`;

  it.each([UNITS, 10, 1])(
    'reads a page of %i units with parent, path and children in the same few reads',
    async (first) => {
      // search: the list, then the children of all listed units at once. findByIds: the
      // organisation, then one read per level above the units (parents, administration, root).
      expect(await readsFor(SUB_TEAMS_QUERY, { kle: KLASSE, first })).toEqual({
        search: 2,
        findByIds: 4,
        findHistory: 0,
      });
    },
  );

  it('still gives every unit its own parent, whole path and children', async () => {
    const { body } = await server.query(SUB_TEAMS_QUERY, {
      variables: { kle: KLASSE, first: UNITS },
    });
    const nodes = (body.data?.organisationEnheder as { nodes: unknown[] }).nodes;
    expect(nodes).toHaveLength(UNITS);
    expect(nodes[42]).toEqual({
      navn: 'Team 42 A',
      organisation: { navn: 'Jammerbugt Kommune' },
      overordnet: { navn: 'Team 42' },
      sti: [
        { navn: 'Jammerbugt Kommune' },
        { navn: 'Teknik og Miljø' },
        { navn: 'Team 42' },
        { navn: 'Team 42 A' },
      ],
      underenheder: [],
    });
  });

  it('reads the children of 100 units in one search', async () => {
    const query = `query ($overordnet: ID!) {
      organisationEnheder(filter: { overordnet: $overordnet }, first: 100) {
        nodes { underenheder { navn } }
      }
    }`;
    const reads = await readsFor(query, { overordnet: afdeling });
    expect(reads).toEqual({ search: 2, findByIds: 0, findHistory: 0 });
  });

  it('reads the units and paths of 100 users in one batched read per level', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Bruger { enheder { sti { navn } } } }
    }`;
    const representations = brugere.map((uuid) => ({ __typename: 'Bruger', uuid }));
    // Users, their organisation (which decides who may see them), their units, then the two
    // levels above the units.
    expect(await readsFor(query, { representations })).toEqual({
      search: 0,
      findByIds: 5,
      findHistory: 0,
    });
  });
});
