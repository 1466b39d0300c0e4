import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { createSag } from './sag/create-sag';
import { createSystemSagAccess } from './sag/create-system-sag-access';
import type { OpretSagInput } from './sag/sag-input';
import {
  startTestServer,
  type GraphQLTestResponse,
  type TestServer,
} from './testing/start-test-server';

const ORG = '78f0e414-e7c8-5349-ba36-51ef76ee671d';
const ORG_B = '7aa7384b-afae-5bf5-8bb7-e622604acebd';
const BYG_OG_MILJOE = '19f114f9-be8b-5fdf-a73d-9f5878e8f4c1';
const TEKNIK = '8e3cabca-35fe-519e-905c-15c025fe723d';
const FAMILIE = '8fa4d882-46bd-5735-af55-0859f29c2fe0';
const METTE = '10372946-d8d3-55bb-814c-92ec9cd84bf3';
const BYGNING = 'a1b2c3d4-e5f6-4a5b-8c7d-0123456789ab';
const KLE_BYG = 'e9073dc0-8967-4a20-a1be-bfd999a1c138';
const KLE_BOERN = '5256fbc6-949f-4109-bb71-f6e257df84ba';

const BYGGESAG: OpretSagInput = {
  organisation: ORG,
  titel: 'Byggetilladelse – carport',
  kle: KLE_BYG,
  kleNummer: '02.34.02',
  ansvarligEnhed: BYG_OG_MILJOE,
  sagsbehandler: METTE,
  parter: [{ rolle: 'PRIMAERPART', cpr: '0101901234', navn: 'Karen Larsen' }],
  bygninger: [BYGNING],
};
const BOERNESAG: OpretSagInput = {
  organisation: ORG,
  titel: 'Børnefaglig undersøgelse',
  kle: KLE_BOERN,
  kleNummer: '27.24.03',
  ansvarligEnhed: FAMILIE,
  foelsomhed: 'FOELSOM',
  parter: [{ rolle: 'PRIMAERPART', cvr: '12345678', navn: 'Firma ApS' }],
};

const SAG_FIELDS = `uuid version sagsnummer titel beskrivelse fremdrift foelsomhed
  kle { uuid } handlingsfacet { uuid } ansvarligEnhed { uuid } sagsbehandler { uuid }
  organisation { uuid } parter { rolle cpr cvr navn } bygninger { id } oprettet aendret`;

const OPRET = `mutation($input: OpretSagInput!) { opretSag(input: $input) { ${SAG_FIELDS} } }`;
const OPDATER = `mutation($uuid: ID!, $version: Int!, $input: OpdaterSagInput!) {
  opdaterSag(uuid: $uuid, version: $version, input: $input) { uuid version titel } }`;
const SKIFT = `mutation($uuid: ID!, $version: Int!, $fremdrift: Fremdrift!) {
  skiftFremdrift(uuid: $uuid, version: $version, fremdrift: $fremdrift, note: "videre") {
    version fremdrift } }`;
const SAGER = `query($filter: SagFilter, $sortering: SagSortering, $first: Int, $after: String) {
  sager(filter: $filter, sortering: $sortering, first: $first, after: $after) {
    totalCount nodes { uuid titel } pageInfo { hasNextPage endCursor } } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Sag { uuid titel }
  ... on OrganisationEnhed { uuid sager(inkluderUnderenheder: true) { totalCount nodes { titel } } }
  ... on Bygning { id sager { totalCount nodes { titel } } } } }`;

type Json = Record<string, unknown>;

function data(response: GraphQLTestResponse): Json {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Json;
}

function firstError(response: GraphQLTestResponse): { code: unknown; field: unknown } {
  const error = response.body.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}

function countSearches(store: BitemporalStore): { store: BitemporalStore; searches: () => number } {
  let searches = 0;
  return {
    store: {
      ...store,
      search: (query) => {
        searches += 1;
        return store.search(query);
      },
    },
    searches: () => searches,
  };
}

describe('the sag subgraph', () => {
  let server: TestServer;
  let store: BitemporalStore;
  const opret = async (input: OpretSagInput = BYGGESAG): Promise<Json> =>
    data(await server.query(OPRET, { variables: { input } })).opretSag as Json;
  const sager = async (variables: Json): Promise<Json> =>
    data(await server.query(SAGER, { variables })).sager as Json;
  const titles = (connection: Json): string[] =>
    (connection.nodes as Json[]).map((n) => n.titel as string);

  beforeEach(async () => {
    store = createEmbeddedStore();
    server = await startTestServer(store);
  });
  afterEach(() => server.stop());

  describe('opretSag', () => {
    it('creates a case with references to the other subgraphs and a case number', async () => {
      const sag = await opret();
      expect(sag).toMatchObject({
        version: 1,
        sagsnummer: `${new Date().getFullYear()}-000001`,
        fremdrift: 'OPSTAAET',
        foelsomhed: 'IKKE_FORTROLIG',
        kle: { uuid: KLE_BYG },
        handlingsfacet: null,
        ansvarligEnhed: { uuid: BYG_OG_MILJOE },
        sagsbehandler: { uuid: METTE },
        organisation: { uuid: ORG },
        parter: [{ rolle: 'PRIMAERPART', cpr: '0101901234', cvr: null, navn: 'Karen Larsen' }],
        bygninger: [{ id: BYGNING }],
      });
      const read = data(
        await server.query(`query($uuid: ID!) { sag(uuid: $uuid) { titel } }`, {
          variables: { uuid: sag.uuid },
        }),
      );
      expect(read.sag).toEqual({ titel: BYGGESAG.titel });
    });

    it('gives 50 concurrent cases of one municipality 50 distinct numbers', async () => {
      const created = await Promise.all(Array.from({ length: 50 }, () => opret()));
      const numbers = new Set(created.map((s) => s.sagsnummer as string));
      expect(numbers.size).toBe(50);
      for (const number of numbers) expect(number).toMatch(/^\d{4}-\d{6}$/);
    });

    it('finds a case by its number within its municipality only', async () => {
      const sag = await opret();
      const query = `query($o: ID!, $n: String!) { sagMedNummer(organisation: $o, sagsnummer: $n) { uuid } }`;
      const own = data(await server.query(query, { variables: { o: ORG, n: sag.sagsnummer } }));
      expect(own.sagMedNummer).toEqual({ uuid: sag.uuid });
      const other = data(await server.query(query, { variables: { o: ORG_B, n: sag.sagsnummer } }));
      expect(other.sagMedNummer).toBeNull();
    });

    it.each([
      [{ ...BYGGESAG, titel: '' }, 'input.titel'],
      [{ ...BYGGESAG, kleNummer: '02.34' }, 'input.kleNummer'],
      [
        { ...BYGGESAG, parter: [{ rolle: 'PART', cpr: '3113901234', navn: 'A' }] },
        'input.parter[0].cpr',
      ],
      [{ ...BYGGESAG, bygninger: ['not-a-uuid'] }, 'input.bygninger[0]'],
    ])('refuses bad input with BAD_USER_INPUT naming the field (%#)', async (input, field) => {
      const response = await server.query(OPRET, { variables: { input } });
      expect(firstError(response)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect((await sager({})).totalCount).toBe(0);
    });
  });

  describe('changes and history', () => {
    it('keeps the old title readable at an earlier Registreringstid and lists both registrations', async () => {
      const sag = await opret();
      const before = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const changed = data(
        await server.query(OPDATER, {
          variables: { uuid: sag.uuid, version: 1, input: { titel: 'Ny titel' } },
        }),
      );
      expect(changed.opdaterSag).toEqual({ uuid: sag.uuid, version: 2, titel: 'Ny titel' });
      const query = `query($uuid: ID!) { sag(uuid: $uuid) { titel version
        registreringer { version fra til livscyklus aktoer aendredeFelter } } }`;
      const old = data(
        await server.query(query, {
          variables: { uuid: sag.uuid },
          headers: { registreringstid: before },
        }),
      ).sag as Json;
      expect(old).toMatchObject({ titel: BYGGESAG.titel, version: 1 });
      expect(old.registreringer).toHaveLength(1);
      const now = data(await server.query(query, { variables: { uuid: sag.uuid } })).sag as Json;
      const registreringer = now.registreringer as Json[];
      expect(now.titel).toBe('Ny titel');
      expect(registreringer).toHaveLength(2);
      expect(registreringer[0]).toMatchObject({
        version: 1,
        livscyklus: 'OPSTAAET',
        aktoer: 'test-fuld-adgang',
        til: registreringer[1]?.fra,
      });
      expect(registreringer[0]?.aendredeFelter).toEqual(expect.arrayContaining(['titel', 'kle']));
      expect(registreringer[1]).toMatchObject({
        version: 2,
        livscyklus: 'RETTET',
        aktoer: 'test-fuld-adgang',
        til: null,
        aendredeFelter: ['titel'],
      });
      expect(Date.parse(registreringer[0]?.fra as string)).toBeLessThan(
        Date.parse(registreringer[1]?.fra as string),
      );
    });

    it('lets exactly one of two changes from the same version win', async () => {
      const sag = await opret();
      const responses = await Promise.all(
        ['Første', 'Anden'].map((titel) =>
          server.query(OPDATER, { variables: { uuid: sag.uuid, version: 1, input: { titel } } }),
        ),
      );
      const winners = responses.filter((r) => !r.body.errors);
      const losers = responses.filter((r) => r.body.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => firstError(r).code)).toEqual(['VERSION_CONFLICT']);
      const winner = (winners[0]?.body.data?.opdaterSag as Json).titel;
      const read = data(
        await server.query(`query($uuid: ID!) { sag(uuid: $uuid) { titel version } }`, {
          variables: { uuid: sag.uuid },
        }),
      );
      expect(read.sag).toEqual({ titel: winner, version: 2 });
    });

    it('moves fremdrift forwards only, and never out of AFSLUTTET', async () => {
      const sag = await opret();
      const skift = (version: number, fremdrift: string) =>
        server.query(SKIFT, { variables: { uuid: sag.uuid, version, fremdrift } });
      expect(data(await skift(1, 'AFGJORT')).skiftFremdrift).toEqual({
        version: 2,
        fremdrift: 'AFGJORT',
      });
      expect(firstError(await skift(2, 'OPLYST')).code).toBe('FREMDRIFT_NOT_ALLOWED');
      expect(firstError(await skift(1, 'AFSLUTTET')).code).toBe('VERSION_CONFLICT');
      expect(data(await skift(2, 'AFSLUTTET')).skiftFremdrift).toMatchObject({ version: 3 });
      expect(firstError(await skift(3, 'AFSLUTTET')).code).toBe('FREMDRIFT_NOT_ALLOWED');
    });

    it('answers SAG_NOT_FOUND for an unknown case', async () => {
      const response = await server.query(OPDATER, {
        variables: { uuid: BYGNING, version: 1, input: { titel: 'x' } },
      });
      expect(firstError(response).code).toBe('SAG_NOT_FOUND');
    });
  });

  describe('sager', () => {
    beforeEach(async () => {
      const at = (day: string) => ({
        aktoer: 'test',
        tid: new Date(`${day}T10:00:00.000Z`),
        ...createSystemSagAccess('test'),
      });
      await createSag(store, BYGGESAG, at('2025-02-01'));
      await createSag(store, BOERNESAG, at('2025-03-01'));
      await createSag(
        store,
        { ...BYGGESAG, titel: 'Byggetilladelse – garage', bygninger: [] },
        at('2025-04-01'),
      );
      await createSag(
        store,
        { ...BYGGESAG, organisation: ORG_B, titel: 'Anden kommune' },
        at('2025-05-01'),
      );
    });

    it.each<[string, Json, string[]]>([
      ['organisation', { organisation: ORG_B }, ['Anden kommune']],
      [
        'KLE prefix 02.34',
        { kle: '02.34' },
        ['Anden kommune', 'Byggetilladelse – garage', 'Byggetilladelse – carport'],
      ],
      ['KLE emne 27.24.03', { kle: '27.24.03' }, ['Børnefaglig undersøgelse']],
      ['KLE class uuid', { kle: KLE_BOERN }, ['Børnefaglig undersøgelse']],
      ['fremdrift', { fremdrift: ['AFGJORT'] }, []],
      ['ansvarligEnheder', { ansvarligEnheder: [FAMILIE] }, ['Børnefaglig undersøgelse']],
      [
        'sagsbehandler',
        { sagsbehandler: METTE, organisation: ORG },
        ['Byggetilladelse – garage', 'Byggetilladelse – carport'],
      ],
      [
        'partCpr',
        { partCpr: '0101901234', organisation: ORG },
        ['Byggetilladelse – garage', 'Byggetilladelse – carport'],
      ],
      ['partCvr', { partCvr: '12345678' }, ['Børnefaglig undersøgelse']],
      ['bygning', { bygning: BYGNING }, ['Anden kommune', 'Byggetilladelse – carport']],
      ['soeg, ignoring case', { soeg: 'GARAGE' }, ['Byggetilladelse – garage']],
      [
        'oprettet range',
        { oprettet: { fra: '2025-03-01T00:00:00Z', til: '2025-04-01T10:00:00Z' } },
        ['Børnefaglig undersøgelse'],
      ],
      [
        'aendret from',
        { aendret: { fra: '2025-04-01T10:00:00Z' } },
        ['Anden kommune', 'Byggetilladelse – garage'],
      ],
    ])('filters by %s, newest first', async (_, filter, expected) => {
      expect(titles(await sager({ filter }))).toEqual(expected);
    });

    it('pages newest first with totalCount, and oldest first on request', async () => {
      const first = await sager({ first: 3 });
      expect(first.totalCount).toBe(4);
      expect(titles(first)).toEqual([
        'Anden kommune',
        'Byggetilladelse – garage',
        'Børnefaglig undersøgelse',
      ]);
      const pageInfo = first.pageInfo as Json;
      expect(pageInfo.hasNextPage).toBe(true);
      const second = await sager({ first: 3, after: pageInfo.endCursor });
      expect(titles(second)).toEqual(['Byggetilladelse – carport']);
      expect((second.pageInfo as Json).hasNextPage).toBe(false);
      expect(titles(await sager({ first: 1, sortering: 'AELDSTE_FOERST' }))).toEqual([
        'Byggetilladelse – carport',
      ]);
    });

    it.each([
      [{ partCpr: '0101901234' }, ''],
      [{ soeg: '.*' }, 'soeg'],
      [{ soeg: '{"$gt": ""}' }, 'soeg'],
      [{ kle: '{"$gt": ""}' }, 'kle'],
      [{ partCvr: '{"$gt": ""}' }, 'partCvr'],
      [{ bygning: '.*' }, 'bygning'],
    ])('treats filter values as data, never as operators (%#)', async (filter, field) => {
      const response = await server.query(SAGER, { variables: { filter } });
      if (field === '') {
        // The control: a real value does match, so the empty results below mean something.
        expect((data(response).sager as Json).totalCount).toBe(3);
      } else if (field === 'soeg') {
        expect((data(response).sager as Json).totalCount).toBe(0);
      } else {
        expect(firstError(response)).toEqual({ code: 'BAD_USER_INPUT', field: `filter.${field}` });
      }
    });

    it.each([
      [{ partCpr: '123' }, 'filter.partCpr'],
      [{ partCpr: '3213901234' }, 'filter.partCpr'],
      [{ partCvr: '1234567' }, 'filter.partCvr'],
      [{ organisation: 'x' }, 'filter.organisation'],
      [{ ansvarligEnheder: [FAMILIE, 'x'] }, 'filter.ansvarligEnheder[1]'],
      [{ kle: '02.3' }, 'filter.kle'],
      [{ soeg: 'a'.repeat(101) }, 'filter.soeg'],
      [{ sagsbehandler: 'mette' }, 'filter.sagsbehandler'],
    ])('refuses a malformed filter value naming the field (%#)', async (filter, field) => {
      const response = await server.query(SAGER, { variables: { filter } });
      expect(firstError(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a page size above 100', async () => {
      expect(firstError(await server.query(SAGER, { variables: { first: 101 } })).field).toBe(
        'first',
      );
    });
  });

  it('refuses mineSager to a municipal user: it is the citizen view', async () => {
    const response = await server.query(`{ mineSager { totalCount } }`);
    expect(firstError(response).code).toBe('FORBIDDEN');
  });

  it('refuses mineSager without a signed-in user', async () => {
    const open = await startTestServer(store, { allowAnonymous: true });
    try {
      const response = await open.query(`{ mineSager { totalCount } }`, {
        headers: { authorization: '' },
      });
      expect(firstError(response).code).toBe('UNAUTHENTICATED');
    } finally {
      await open.stop();
    }
  });

  describe('_entities', () => {
    it('resolves Sag references', async () => {
      const sag = await opret();
      const response = await server.query(ENTITIES, {
        variables: { representations: [{ __typename: 'Sag', uuid: sag.uuid }] },
      });
      expect(data(response)._entities).toEqual([{ uuid: sag.uuid, titel: BYGGESAG.titel }]);
    });

    it('answers the cases of 20 units, with their descendants, from one store search', async () => {
      const counted = countSearches(createEmbeddedStore());
      const at = (n: number) => ({
        aktoer: 'test',
        tid: new Date(Date.UTC(2025, 0, n + 1)),
        ...createSystemSagAccess('test'),
      });
      await createSag(counted.store, BYGGESAG, at(1));
      await createSag(counted.store, BOERNESAG, at(2));
      await createSag(counted.store, { ...BYGGESAG, titel: 'Nyeste' }, at(3));
      const own = await startTestServer(counted.store);
      try {
        const units = Array.from({ length: 20 }, (_, i) =>
          i === 0
            ? { __typename: 'OrganisationEnhed', uuid: TEKNIK, efterkommerIder: [BYG_OG_MILJOE] }
            : i === 1
              ? { __typename: 'OrganisationEnhed', uuid: FAMILIE, efterkommerIder: [] }
              : {
                  __typename: 'OrganisationEnhed',
                  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
                  efterkommerIder: [],
                },
        );
        const before = counted.searches();
        const result = data(await own.query(ENTITIES, { variables: { representations: units } }));
        expect(counted.searches() - before).toBe(1);
        const entities = result._entities as Json[];
        expect(entities[0]?.sager).toEqual({
          totalCount: 2,
          nodes: [{ titel: 'Nyeste' }, { titel: BYGGESAG.titel }],
        });
        expect(entities[1]?.sager).toEqual({ totalCount: 1, nodes: [{ titel: BOERNESAG.titel }] });
        expect(entities[2]?.sager).toEqual({ totalCount: 0, nodes: [] });
      } finally {
        await own.stop();
      }
    });

    it('answers the cases of many buildings from one store search', async () => {
      const counted = countSearches(createEmbeddedStore());
      const other = 'b1b2c3d4-e5f6-4a5b-8c7d-0123456789ab';
      await createSag(counted.store, BYGGESAG, {
        aktoer: 't',
        ...createSystemSagAccess('test'),
        tid: new Date('2025-01-01T00:00:00Z'),
      });
      await createSag(
        counted.store,
        { ...BYGGESAG, titel: 'To bygninger', bygninger: [BYGNING, other] },
        { aktoer: 't', tid: new Date('2025-01-02T00:00:00Z'), ...createSystemSagAccess('test') },
      );
      const own = await startTestServer(counted.store);
      try {
        const before = counted.searches();
        const result = data(
          await own.query(ENTITIES, {
            variables: {
              representations: [
                { __typename: 'Bygning', id: BYGNING },
                { __typename: 'Bygning', id: other },
              ],
            },
          }),
        );
        expect(counted.searches() - before).toBe(1);
        expect(result._entities).toEqual([
          {
            id: BYGNING,
            sager: { totalCount: 2, nodes: [{ titel: 'To bygninger' }, { titel: BYGGESAG.titel }] },
          },
          { id: other, sager: { totalCount: 1, nodes: [{ titel: 'To bygninger' }] } },
        ]);
      } finally {
        await own.stop();
      }
    });

    it("continues a unit's cases on a later page", async () => {
      for (const n of [1, 2, 3]) {
        await createSag(
          store,
          { ...BYGGESAG, titel: `Sag ${n}` },
          {
            aktoer: 't',
            ...createSystemSagAccess('test'),
            tid: new Date(Date.UTC(2025, 0, n)),
          },
        );
      }
      const query = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) {
        ... on OrganisationEnhed { sager(first: 2, after: $after) {
          totalCount nodes { titel } pageInfo { hasNextPage endCursor } } } } }`;
      const r = [{ __typename: 'OrganisationEnhed', uuid: BYG_OG_MILJOE, efterkommerIder: [] }];
      const first = (data(await server.query(query, { variables: { r } }))._entities as Json[])[0]
        ?.sager as Json;
      expect(titles(first)).toEqual(['Sag 3', 'Sag 2']);
      const after = (first.pageInfo as Json).endCursor;
      const second = (
        data(await server.query(query, { variables: { r, after } }))._entities as Json[]
      )[0]?.sager as Json;
      expect(titles(second)).toEqual(['Sag 1']);
      expect(second.totalCount).toBe(3);
    });
  });
});
