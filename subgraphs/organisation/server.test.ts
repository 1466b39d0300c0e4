import { createEmbeddedStore } from '../kit/store/embedded-store';
import { createOrganisation } from './organisation/create-organisation';
import { createOrganisationEnhed } from './organisation/create-organisation-enhed';
import { renameOrganisationEnhed } from './organisation/rename-organisation-enhed';
import { SEED_KLE } from './seed/seed-data';
import { SEED_IDS } from './seed/seed-ids';
import { seedOrganisation } from './seed/seed-organisation';
import { startTestServer, type TestServer } from './testing/start-test-server';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const { jammerbugt, hjoerring } = SEED_IDS;

interface PageOf<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: N[];
}

describe('the organisation subgraph over the seed', () => {
  let server: TestServer;
  beforeAll(async () => {
    const store = createEmbeddedStore();
    await seedOrganisation(store);
    server = await startTestServer(store);
  });
  afterAll(() => server.stop());

  async function data(query: string, variables?: Record<string, unknown>) {
    const { body } = await server.query(query, { variables });
    expect(body.errors).toBeUndefined();
    return body.data ?? {};
  }

  async function firstError(query: string, variables?: Record<string, unknown>) {
    const { body } = await server.query(query, { variables });
    expect(body.errors).toHaveLength(1);
    return body.errors?.[0];
  }

  describe('organisationer', () => {
    it('lists the five municipalities by key with their CVR and kommunekode', async () => {
      const { organisationer } = await data(
        '{ organisationer { totalCount nodes { navn cvr kommunekode } } }',
      );
      expect(organisationer).toEqual({
        totalCount: 5,
        nodes: [
          { navn: 'Brønderslev Kommune', cvr: '29189501', kommunekode: '0810' },
          { navn: 'Frederikshavn Kommune', cvr: '29190941', kommunekode: '0813' },
          { navn: 'Hjørring Kommune', cvr: '29189579', kommunekode: '0860' },
          { navn: 'Jammerbugt Kommune', cvr: '29189625', kommunekode: '0849' },
          { navn: 'Læsø Kommune', cvr: '45973328', kommunekode: '0825' },
        ],
      });
    });

    it.each([
      [{ kommunekode: '0849' }, ['Jammerbugt Kommune']],
      [{ cvr: '45973328' }, ['Læsø Kommune']],
      [{ soeg: 'HAV' }, ['Frederikshavn Kommune']],
      [{ soeg: 'ø' }, ['Brønderslev Kommune', 'Hjørring Kommune', 'Læsø Kommune']],
      [{ soeg: 'kommune', kommunekode: '0810' }, ['Brønderslev Kommune']],
      [{ soeg: 'Læsø', cvr: '29189625' }, []],
    ])('filters by %j', async (filter, names) => {
      const { organisationer } = await data(
        'query ($filter: OrganisationFilter) { organisationer(filter: $filter) { totalCount nodes { navn } } }',
        { filter },
      );
      expect(organisationer).toEqual({
        totalCount: names.length,
        nodes: names.map((navn) => ({ navn })),
      });
    });

    it('treats a search text literally, so a pattern such as .* matches nothing', async () => {
      for (const soeg of ['.*', '^', '[a-z]+', '%']) {
        const { organisationer } = await data(
          'query ($soeg: String) { organisationer(filter: { soeg: $soeg }) { totalCount } }',
          { soeg },
        );
        expect(organisationer).toEqual({ totalCount: 0 });
      }
      const { organisationEnheder } = await data(
        '{ organisationEnheder(filter: { soeg: ".*" }) { totalCount } }',
      );
      expect(organisationEnheder).toEqual({ totalCount: 0 });
    });

    it('pages with first and after: every municipality once, totalCount on every page', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result = await data(
          'query ($after: String) { organisationer(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { kommunekode } } }',
          { after },
        );
        const page = result.organisationer as PageOf<{ kommunekode: string }>;
        expect(page.totalCount).toBe(5);
        expect(page.nodes.length).toBeLessThanOrEqual(2);
        seen.push(...page.nodes.map((n) => n.kommunekode));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages += 1;
      } while (after !== null);
      expect(pages).toBe(3);
      expect(seen).toEqual(['0810', '0813', '0860', '0849', '0825']);
    });

    it('gives edges with cursors that continue the list', async () => {
      const { organisationer } = await data(
        '{ organisationer(first: 2) { edges { cursor node { navn } } pageInfo { endCursor } } }',
      );
      const page = organisationer as {
        edges: { cursor: string; node: { navn: string } }[];
        pageInfo: { endCursor: string };
      };
      expect(page.edges.map((e) => e.node.navn)).toEqual([
        'Brønderslev Kommune',
        'Frederikshavn Kommune',
      ]);
      expect(page.edges[1]?.cursor).toBe(page.pageInfo.endCursor);
      const next = await data(
        'query ($after: String) { organisationer(first: 1, after: $after) { nodes { navn } } }',
        { after: page.edges[0]?.cursor },
      );
      expect(next.organisationer).toEqual({ nodes: [{ navn: 'Frederikshavn Kommune' }] });
    });
  });

  describe('organisationEnhed', () => {
    it('gives a unit its organisation, parent, path from the root unit and KLE tags', async () => {
      const { organisationEnhed } = await data(
        `query ($uuid: ID!) { organisationEnhed(uuid: $uuid) {
          uuid brugervendtNoegle navn
          organisation { uuid navn }
          overordnet { navn }
          underenheder { navn }
          sti { uuid navn }
          kle { aspekt klasse { uuid } }
        } }`,
        { uuid: jammerbugt.enheder.bygOgMiljoe },
      );
      expect(organisationEnhed).toEqual({
        uuid: jammerbugt.enheder.bygOgMiljoe,
        brugervendtNoegle: 'jb-bm',
        navn: 'Byg og Miljø',
        organisation: { uuid: jammerbugt.organisation, navn: 'Jammerbugt Kommune' },
        overordnet: { navn: 'Teknik og Miljø' },
        underenheder: [],
        sti: [
          { uuid: jammerbugt.enheder.kommune, navn: 'Jammerbugt Kommune' },
          { uuid: jammerbugt.enheder.teknikOgMiljoe, navn: 'Teknik og Miljø' },
          { uuid: jammerbugt.enheder.bygOgMiljoe, navn: 'Byg og Miljø' },
        ],
        kle: [{ aspekt: 'ANSVARLIG', klasse: { uuid: SEED_KLE.byggetilladelse } }],
      });
    });

    it('gives the root unit no parent, itself as path, and its administrations as children', async () => {
      const { organisationEnhed } = await data(
        'query ($uuid: ID!) { organisationEnhed(uuid: $uuid) { overordnet { navn } sti { navn } underenheder { navn underenheder { navn } } } }',
        { uuid: jammerbugt.enheder.kommune },
      );
      expect(organisationEnhed).toEqual({
        overordnet: null,
        sti: [{ navn: 'Jammerbugt Kommune' }],
        underenheder: [
          { navn: 'Børn og Familie', underenheder: [{ navn: 'Familieafdelingen' }] },
          {
            navn: 'Økonomi',
            underenheder: [{ navn: 'Ejendomsskat' }, { navn: 'Sekretariat og Digitalisering' }],
          },
          { navn: 'Teknik og Miljø', underenheder: [{ navn: 'Byg og Miljø' }] },
        ],
      });
    });

    it('lists every unit below a unit, at any depth, and none below a leaf', async () => {
      const { root, leaf } = await data(
        'query ($root: ID!, $leaf: ID!) { root: organisationEnhed(uuid: $root) { efterkommerIder } leaf: organisationEnhed(uuid: $leaf) { efterkommerIder } }',
        { root: jammerbugt.enheder.teknikOgMiljoe, leaf: jammerbugt.enheder.bygOgMiljoe },
      );
      expect(root).toEqual({ efterkommerIder: [jammerbugt.enheder.bygOgMiljoe] });
      expect(leaf).toEqual({ efterkommerIder: [] });
      const { kommune } = await data(
        'query ($uuid: ID!) { kommune: organisationEnhed(uuid: $uuid) { efterkommerIder } }',
        { uuid: jammerbugt.enheder.kommune },
      );
      expect(new Set((kommune as { efterkommerIder: string[] }).efterkommerIder)).toEqual(
        new Set(
          Object.entries(jammerbugt.enheder)
            .filter(([name]) => name !== 'kommune')
            .map(([, uuid]) => uuid),
        ),
      );
    });

    it('lists its registrations', async () => {
      const { organisationEnhed } = await data(
        'query ($uuid: ID!) { organisationEnhed(uuid: $uuid) { registreringer { version til livscyklus aktoer note } } }',
        { uuid: jammerbugt.enheder.kommune },
      );
      expect(organisationEnhed).toEqual({
        registreringer: [
          { version: 1, til: null, livscyklus: 'IMPORTERET', aktoer: 'seed', note: null },
        ],
      });
    });
  });

  describe('organisationEnheder and Organisation.enheder', () => {
    it("lists an organisation's units in tree order", async () => {
      const { organisation } = await data(
        'query ($uuid: ID!) { organisation(uuid: $uuid) { enheder(first: 100) { totalCount nodes { brugervendtNoegle } } } }',
        { uuid: jammerbugt.organisation },
      );
      expect(organisation).toEqual({
        enheder: {
          totalCount: 8,
          nodes: ['jb', 'jb-bf', 'jb-fa', 'jb-oe', 'jb-es', 'jb-sd', 'jb-tm', 'jb-bm'].map(
            (brugervendtNoegle) => ({ brugervendtNoegle }),
          ),
        },
      });
    });

    it("filters an organisation's units, and finds none when the filter names another organisation", async () => {
      const query =
        'query ($uuid: ID!, $filter: OrganisationEnhedFilter) { organisation(uuid: $uuid) { enheder(filter: $filter) { totalCount nodes { navn } } } }';
      const own = await data(query, {
        uuid: jammerbugt.organisation,
        filter: { soeg: 'miljø', organisation: jammerbugt.organisation },
      });
      expect(own.organisation).toEqual({
        enheder: { totalCount: 2, nodes: [{ navn: 'Teknik og Miljø' }, { navn: 'Byg og Miljø' }] },
      });
      const other = await data(query, {
        uuid: jammerbugt.organisation,
        filter: { organisation: hjoerring.organisation },
      });
      expect(other.organisation).toEqual({ enheder: { totalCount: 0, nodes: [] } });
    });

    it.each([
      ['kle', { kle: SEED_KLE.byggetilladelse }, 5, 'Byg og Miljø'],
      ['kle in another aspect', { kle: SEED_KLE.saerligStoette }, 10, undefined],
      ['organisation', { organisation: hjoerring.organisation }, 8, undefined],
      ['overordnet', { overordnet: hjoerring.enheder.oekonomi }, 2, undefined],
      ['soeg', { soeg: 'byg og miljø' }, 5, 'Byg og Miljø'],
      [
        'soeg and organisation',
        { soeg: 'Byg', organisation: hjoerring.organisation },
        1,
        'Byg og Miljø',
      ],
    ])('filters by %s', async (_case, filter, totalCount, onlyNavn) => {
      const { organisationEnheder } = await data(
        'query ($filter: OrganisationEnhedFilter) { organisationEnheder(filter: $filter, first: 100) { totalCount nodes { navn } } }',
        { filter },
      );
      const page = organisationEnheder as PageOf<{ navn: string }>;
      expect(page.totalCount).toBe(totalCount);
      expect(page.nodes).toHaveLength(totalCount);
      if (onlyNavn) expect(new Set(page.nodes.map((n) => n.navn))).toEqual(new Set([onlyNavn]));
    });

    it('pages through all 40 units without duplicates, in the same order as one page', async () => {
      const all = await data('{ organisationEnheder(first: 100) { nodes { uuid } } }');
      const expected = (all.organisationEnheder as PageOf<{ uuid: string }>).nodes.map(
        (n) => n.uuid,
      );
      expect(expected).toHaveLength(40);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const result = await data(
          'query ($after: String) { organisationEnheder(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { uuid } } }',
          { after },
        );
        const page = result.organisationEnheder as PageOf<{ uuid: string }>;
        expect(page.totalCount).toBe(40);
        seen.push(...page.nodes.map((n) => n.uuid));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after !== null);
      expect(seen).toEqual(expected);
    });
  });

  describe('bruger', () => {
    it('gives a user the organisation and the units they work in', async () => {
      const { bruger } = await data(
        'query ($uuid: ID!) { bruger(uuid: $uuid) { brugervendtNoegle navn organisation { navn } enheder { navn sti { navn } } registreringer { livscyklus aktoer } } }',
        { uuid: hjoerring.brugere.morten },
      );
      expect(bruger).toEqual({
        brugervendtNoegle: 'hj-morten',
        navn: 'Morten Sørensen',
        organisation: { navn: 'Hjørring Kommune' },
        enheder: [
          {
            navn: 'Ejendomsskat',
            sti: [{ navn: 'Hjørring Kommune' }, { navn: 'Økonomi' }, { navn: 'Ejendomsskat' }],
          },
          {
            navn: 'Sekretariat og Digitalisering',
            sti: [
              { navn: 'Hjørring Kommune' },
              { navn: 'Økonomi' },
              { navn: 'Sekretariat og Digitalisering' },
            ],
          },
        ],
        registreringer: [{ livscyklus: 'IMPORTERET', aktoer: 'seed' }],
      });
    });
  });

  describe('entity references', () => {
    it('resolves OrganisationEnhed, Organisation and Bruger through _entities, unknown ones as null', async () => {
      const { _entities } = await data(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on OrganisationEnhed { navn sti { navn } }
          ... on Organisation { navn }
          ... on Bruger { navn }
        } }`,
        {
          representations: [
            { __typename: 'OrganisationEnhed', uuid: jammerbugt.enheder.familieafdelingen },
            { __typename: 'OrganisationEnhed', uuid: UNKNOWN },
            { __typename: 'Organisation', uuid: jammerbugt.organisation.toUpperCase() },
            { __typename: 'Bruger', uuid: jammerbugt.brugere.mette },
          ],
        },
      );
      expect(_entities).toEqual([
        {
          navn: 'Familieafdelingen',
          sti: [
            { navn: 'Jammerbugt Kommune' },
            { navn: 'Børn og Familie' },
            { navn: 'Familieafdelingen' },
          ],
        },
        null,
        { navn: 'Jammerbugt Kommune' },
        { navn: 'Mette Kjær Nielsen' },
      ]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['organisation', '{ organisation(uuid: "0849") { navn } }', 'uuid'],
      ['organisationEnhed', '{ organisationEnhed(uuid: "not-a-uuid") { navn } }', 'uuid'],
      ['bruger', '{ bruger(uuid: "jb-mette") { navn } }', 'uuid'],
      ['organisationer', '{ organisationer(first: 101) { totalCount } }', 'first'],
      ['organisationEnheder', '{ organisationEnheder(first: 101) { totalCount } }', 'first'],
      ['organisationEnheder', '{ organisationEnheder(first: 0) { totalCount } }', 'first'],
      ['organisationEnheder', '{ organisationEnheder(after: "garbage") { totalCount } }', 'after'],
      [
        'organisationEnheder',
        '{ organisationEnheder(filter: { organisation: "0849" }) { totalCount } }',
        'filter.organisation',
      ],
      [
        'organisationEnheder',
        '{ organisationEnheder(filter: { overordnet: ".*" }) { totalCount } }',
        'filter.overordnet',
      ],
      [
        'organisationEnheder',
        '{ organisationEnheder(filter: { kle: "02.34.02" }) { totalCount } }',
        'filter.kle',
      ],
      ['organisationer', '{ organisationer(filter: { cvr: ".*" }) { totalCount } }', 'filter.cvr'],
      [
        'organisationer',
        '{ organisationer(filter: { kommunekode: "849" }) { totalCount } }',
        'filter.kommunekode',
      ],
      [
        'organisationer',
        `{ organisationer(filter: { soeg: "${'a'.repeat(101)}" }) { totalCount } }`,
        'filter.soeg',
      ],
    ])('%s: rejects %s with BAD_USER_INPUT on %s', async (field, query, badField) => {
      const { body } = await server.query(query);
      expect(body.data?.[field] ?? null).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({
        path: [field],
        extensions: { code: 'BAD_USER_INPUT', field: badField },
      });
    });

    it('rejects first above 100 on Organisation.enheder', async () => {
      const error = await firstError(
        'query ($uuid: ID!) { organisation(uuid: $uuid) { enheder(first: 101) { totalCount } } }',
        { uuid: jammerbugt.organisation },
      );
      expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('answers null for unknown uuids', async () => {
      const result = await data(
        `query ($uuid: ID!) { organisation(uuid: $uuid) { navn } organisationEnhed(uuid: $uuid) { navn } bruger(uuid: $uuid) { navn } }`,
        { uuid: UNKNOWN },
      );
      expect(result).toEqual({ organisation: null, organisationEnhed: null, bruger: null });
    });
  });

  describe('point in time', () => {
    it('sees nothing before the municipal reform', async () => {
      const { body } = await server.query(
        'query ($uuid: ID!) { organisationer { totalCount } organisationEnhed(uuid: $uuid) { navn } }',
        {
          variables: { uuid: jammerbugt.enheder.kommune },
          headers: { Virkningstid: '2006-12-31T12:00:00+01:00' },
        },
      );
      expect(body).toEqual({
        data: { organisationer: { totalCount: 0 }, organisationEnhed: null },
      });
    });
  });
});

describe('a renamed unit through the graph', () => {
  const CREATED = new Date('2024-01-10T09:00:00Z');
  const RENAMED = new Date('2025-03-01T09:00:00Z');
  let server: TestServer;
  let uuid: string;
  beforeAll(async () => {
    const store = createEmbeddedStore();
    const options = { fra: new Date('2020-01-01T00:00:00Z'), aktoer: 'import', tid: CREATED };
    const organisation = await createOrganisation(
      store,
      { brugervendtNoegle: 'jb', navn: 'Jammerbugt Kommune', cvr: '29189625', kommunekode: '0849' },
      options,
    );
    uuid = (
      await createOrganisationEnhed(
        store,
        { brugervendtNoegle: 'jb-bm', navn: 'Byg og Miljø', organisation: organisation.uuid },
        options,
      )
    ).uuid;
    await renameOrganisationEnhed(store, uuid, 'Byggeri og Miljø', {
      fra: new Date('2025-01-01T00:00:00Z'),
      aktoer: 'jb-mette',
      tid: RENAMED,
    });
    server = await startTestServer(store);
  });
  afterAll(() => server.stop());

  const QUERY =
    'query ($uuid: ID!) { organisationEnhed(uuid: $uuid) { navn registreringer { version fra til livscyklus aktoer } } }';

  it('has the new name now and lists both registrations', async () => {
    const { body } = await server.query(QUERY, { variables: { uuid } });
    expect(body.data?.organisationEnhed).toEqual({
      navn: 'Byggeri og Miljø',
      registreringer: [
        {
          version: 1,
          fra: CREATED.toISOString(),
          til: RENAMED.toISOString(),
          livscyklus: 'OPSTAAET',
          aktoer: 'import',
        },
        {
          version: 2,
          fra: RENAMED.toISOString(),
          til: null,
          livscyklus: 'RETTET',
          aktoer: 'jb-mette',
        },
      ],
    });
  });

  it('has the old name at an earlier Virkningstid', async () => {
    const { body } = await server.query(QUERY, {
      variables: { uuid },
      headers: { Virkningstid: '2024-12-31T12:00:00Z' },
    });
    expect(body.data?.organisationEnhed).toMatchObject({ navn: 'Byg og Miljø' });
  });

  it('has the old name and only the first registration at an earlier Registreringstid', async () => {
    const { body } = await server.query(QUERY, {
      variables: { uuid },
      headers: { Registreringstid: '2025-02-01T00:00:00Z' },
    });
    expect(body.data?.organisationEnhed).toEqual({
      navn: 'Byg og Miljø',
      registreringer: [
        {
          version: 1,
          fra: CREATED.toISOString(),
          til: null,
          livscyklus: 'OPSTAAET',
          aktoer: 'import',
        },
      ],
    });
  });
});
