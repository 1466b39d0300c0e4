import type { JWTPayload } from 'jose';
import type { AuditLog, AuditRecord } from '../kit/audit/audit-log';
import { createEmbeddedAuditLog } from '../kit/audit/embedded-audit-log';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { createStaticKleLookup } from './klassifikation/create-static-kle-lookup';
import type { OpretSagInput } from './sag/sag-input';
import { ORGANISATION_REFS } from './seed/organisation-refs';
import { SEED_KLE, SEED_PARTER } from './seed/seed-sag-data';
import { getSeedKleKlasser } from './seed/get-seed-kle-klasser';
import { getSeedSagUuid } from './seed/seed-sag-ids';
import { seedSag } from './seed/seed-sag';
import {
  startTestServer,
  TEST_AUDIT_RETENTION_MS,
  type GraphQLTestResponse,
  type TestServer,
} from './testing/start-test-server';

const JB = ORGANISATION_REFS.jammerbugt;
const BR = ORGANISATION_REFS.broenderslev;
const TEKNIK = JB.overordnede.teknikOgMiljoe;
const BYG = JB.enheder.bygOgMiljoe;
const FAMILIE = JB.enheder.familieafdelingen;
const CITIZEN = SEED_PARTER.jammerbugt.ansoeger.cpr as string;
const OTHER_CITIZEN = SEED_PARTER.jammerbugt.carportAnsoeger.cpr as string;
const jb = (n: number): string => getSeedSagUuid(JB.kommunekode, n);
/** KLE 32.00.24 (Feriepenge), from KL's KLE: a subject no seeded case has. */
const FERIEPENGE = { uuid: 'd55aad3d-dcf7-4eeb-91ab-dc2ebfea07d6', nummer: '32.00.24' };

/** A case worker of Teknik og Miljø in Jammerbugt, for building cases only. */
const RESTRICTED: JWTPayload = {
  sub: 'tm-sagsbehandler',
  privilegier: [
    { cvr: JB.cvr, roller: ['sag:laes', 'sag:skriv'], kle: ['02.*'], enheder: [TEKNIK] },
  ],
};
const CITIZEN_CLAIMS: JWTPayload = { sub: 'mitid-karen', cpr: CITIZEN };
const AUDITOR: JWTPayload = {
  sub: 'revisor',
  privilegier: [{ cvr: JB.cvr, roller: ['adgangslog:laes'] }],
};

type Json = Record<string, unknown>;

const SAG = `query($uuid: ID!) { sag(uuid: $uuid) { uuid titel parter { cpr navn } } }`;
const SAGER = `query($filter: SagFilter, $first: Int, $after: String) {
  sager(filter: $filter, first: $first, after: $after) {
    totalCount nodes { uuid } pageInfo { hasNextPage endCursor } } }`;
const MINE_SAGER = `query($filter: SagFilter) { mineSager(filter: $filter) {
  totalCount nodes { uuid parter { cpr navn } } } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Sag { uuid titel } } }`;
const UNIT_SAGER = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on OrganisationEnhed { sager(inkluderUnderenheder: true) { totalCount nodes { uuid } } } } }`;
const OPRET = `mutation($input: OpretSagInput!) { opretSag(input: $input) { uuid version } }`;
const OPDATER = `mutation($uuid: ID!, $version: Int!, $input: OpdaterSagInput!) {
  opdaterSag(uuid: $uuid, version: $version, input: $input) { uuid version } }`;
const ADGANGSLOG = `query($cpr: String) { adgangslog(cpr: $cpr) {
  cpr sag { aktoer organisation rolle operation objektType objekter udfald cpr soegekriterier } } }`;

function data(response: GraphQLTestResponse): Json {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Json;
}

function errorCode(response: GraphQLTestResponse): unknown {
  return response.body.errors?.[0]?.extensions?.code;
}

function uuids(connection: unknown): string[] {
  return ((connection as Json).nodes as Json[]).map((n) => n.uuid as string).sort();
}

function newCase(overrides: Partial<OpretSagInput>): OpretSagInput {
  return {
    organisation: JB.organisation,
    titel: 'Testsag',
    kle: SEED_KLE.byggetilladelse.uuid,
    kleNummer: SEED_KLE.byggetilladelse.nummer,
    ansvarligEnhed: BYG,
    parter: [{ rolle: 'PRIMAERPART', cpr: CITIZEN, navn: 'Karen Margrethe Larsen' }],
    ...overrides,
  };
}

describe('access to cases', () => {
  let store: BitemporalStore;
  let server: TestServer;

  /** Runs `query` as the caller `claims` describe. */
  const as = async (
    claims: JWTPayload,
    query: string,
    variables: Json = {},
  ): Promise<GraphQLTestResponse> => {
    const token = await (await getTestIssuer()).sign(claims);
    return server.query(query, { variables, headers: { authorization: `Bearer ${token}` } });
  };
  const records = async (): Promise<AuditRecord[]> =>
    (await server.auditLog.search({ first: 500 })).records;
  /** Creates a case with the default full-access token. */
  const create = async (input: OpretSagInput): Promise<string> =>
    (data(await server.query(OPRET, { variables: { input } })).opretSag as Json).uuid as string;

  beforeEach(async () => {
    store = createEmbeddedStore();
    await seedSag(store);
    server = await startTestServer(store, {
      kle: createStaticKleLookup([...getSeedKleKlasser(), { ...FERIEPENGE, niveau: 'EMNE' }]),
    });
  });
  afterEach(() => server.stop());

  describe('a case worker restricted to KLE 02.* in Teknik og Miljø', () => {
    it('lists exactly the permitted cases, and totalCount and paging count only those', async () => {
      const all = data(await as(RESTRICTED, SAGER, { first: 100 })).sager as Json;
      expect(uuids(all)).toEqual([jb(1), jb(2), jb(5)].sort());
      expect(all.totalCount).toBe(3);

      const first = data(await as(RESTRICTED, SAGER, { first: 2 })).sager as Json;
      expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const after = (first.pageInfo as Json).endCursor;
      const second = data(await as(RESTRICTED, SAGER, { first: 2, after })).sager as Json;
      expect(second).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
      expect([...uuids(first), ...uuids(second)].sort()).toEqual([jb(1), jb(2), jb(5)].sort());
    });

    it("lists only the permitted cases of a unit's subtree", async () => {
      const representations = [
        {
          __typename: 'OrganisationEnhed',
          uuid: JB.overordnede.kommune,
          efterkommerIder: [TEKNIK, BYG, FAMILIE],
        },
        { __typename: 'OrganisationEnhed', uuid: FAMILIE, efterkommerIder: [] },
      ];
      const entities = data(await as(RESTRICTED, UNIT_SAGER, { representations }))
        ._entities as Json[];
      expect(uuids(entities[0]?.sager)).toEqual([jb(1), jb(2), jb(5)].sort());
      expect((entities[0]?.sager as Json).totalCount).toBe(3);
      expect(entities[1]?.sager).toEqual({ totalCount: 0, nodes: [] });
    });

    it('gets null for a case outside its KLE, unit, sensitivity or municipality, and each refusal is logged', async () => {
      const fortrolig = await create(newCase({ foelsomhed: 'FORTROLIG' }));
      const sensitive: JWTPayload = {
        sub: 'tm-sagsbehandler',
        privilegier: [
          {
            cvr: JB.cvr,
            roller: ['sag:laes'],
            kle: ['02.*'],
            enheder: [TEKNIK],
            foelsomhed: 'IKKE_FORTROLIG',
          },
        ],
      };
      const outside = [jb(3), jb(4), jb(6), getSeedSagUuid(BR.kommunekode, 1)];
      const representations = [...outside, fortrolig, jb(1)].map((uuid) => ({
        __typename: 'Sag',
        uuid,
      }));
      const entities = data(await as(sensitive, ENTITIES, { representations }))._entities;
      expect(entities).toEqual([
        null,
        null,
        null,
        null,
        null,
        { uuid: jb(1), titel: expect.any(String) },
      ]);
      expect(data(await as(sensitive, SAG, { uuid: jb(3) })).sag).toBeNull();

      const refused = (await records()).filter((r) => r.udfald === 'AFVIST');
      expect(refused.flatMap((r) => r.objekter).sort()).toEqual(
        [...outside, fortrolig, jb(3)].sort(),
      );
      expect(refused.every((r) => r.operation === 'LAES' && r.rolle === 'sag:laes')).toBe(true);
      expect(refused.flatMap((r) => r.cpr)).toEqual(
        expect.arrayContaining([SEED_PARTER.jammerbugt.barn.cpr, CITIZEN]),
      );
    });

    it('cannot write outside its restrictions', async () => {
      const boernesag = newCase({
        kle: SEED_KLE.boernefagligUndersoegelse.uuid,
        kleNummer: SEED_KLE.boernefagligUndersoegelse.nummer,
        ansvarligEnhed: FAMILIE,
      });
      expect(errorCode(await as(RESTRICTED, OPRET, { input: boernesag }))).toBe('FORBIDDEN');
      // Moving a permitted case out of the unit subtree.
      const move = { uuid: jb(2), version: 2, input: { ansvarligEnhed: FAMILIE } };
      expect(errorCode(await as(RESTRICTED, OPDATER, move))).toBe('FORBIDDEN');
      // A case it may not see is missing, whatever the version.
      const hidden = { uuid: jb(3), version: 99, input: { titel: 'x' } };
      expect(errorCode(await as(RESTRICTED, OPDATER, hidden))).toBe('SAG_NOT_FOUND');
      // Inside its restrictions it may.
      const allowed = { uuid: jb(2), version: 2, input: { titel: 'Carport i skel' } };
      expect(data(await as(RESTRICTED, OPDATER, allowed)).opdaterSag).toEqual({
        uuid: jb(2),
        version: 3,
      });
      const log = await records();
      expect(log.filter((r) => r.udfald === 'AFVIST').map((r) => [r.operation, r.rolle])).toEqual(
        expect.arrayContaining([
          ['OPRET', 'sag:skriv'],
          ['RET', 'sag:skriv'],
        ]),
      );
      expect(log.find((r) => r.operation === 'RET' && r.udfald === 'TILLADT')).toMatchObject({
        objekter: [jb(2)],
        organisation: JB.cvr,
        rolle: 'sag:skriv',
        privilegiegruppe: `${JB.cvr}#1`,
      });
    });
  });

  it('never combines restrictions across privilege groups', async () => {
    const X = BYG;
    const Y = FAMILIE;
    const claims: JWTPayload = {
      sub: 'to-grupper',
      privilegier: [
        { cvr: JB.cvr, roller: ['sag:laes'], kle: ['32.*'], enheder: [X] },
        { cvr: JB.cvr, roller: ['sag:skriv'], kle: ['27.*'], enheder: [Y] },
      ],
    };
    const kle32 = { kle: FERIEPENGE.uuid, kleNummer: FERIEPENGE.nummer };
    const readable = await create(newCase({ ...kle32, ansvarligEnhed: X }));
    expect(data(await as(claims, SAG, { uuid: readable })).sag).toMatchObject({ uuid: readable });

    const kle27 = {
      kle: SEED_KLE.boernefagligUndersoegelse.uuid,
      kleNummer: SEED_KLE.boernefagligUndersoegelse.nummer,
    };
    const writeInX = newCase({ ...kle27, ansvarligEnhed: X });
    expect(errorCode(await as(claims, OPRET, { input: writeInX }))).toBe('FORBIDDEN');
    // The write group alone does cover a 27.* case in Y.
    const writeInY = newCase({ ...kle27, ansvarligEnhed: Y });
    expect(data(await as(claims, OPRET, { input: writeInY })).opretSag).toMatchObject({
      version: 1,
    });
  });

  describe('a citizen', () => {
    it('gets exactly their own cases from mineSager and sees no other party’s CPR number', async () => {
      const shared = await create(
        newCase({
          parter: [
            { rolle: 'PRIMAERPART', cpr: CITIZEN, navn: 'Karen Margrethe Larsen' },
            { rolle: 'PART', cpr: OTHER_CITIZEN, navn: 'Niels Erik Kristensen' },
          ],
        }),
      );
      const mine = data(await as(CITIZEN_CLAIMS, MINE_SAGER)).mineSager as Json;
      expect(uuids(mine)).toEqual([jb(1), jb(5), shared].sort());
      expect(mine.totalCount).toBe(3);
      const parter = (mine.nodes as Json[]).flatMap((n) => n.parter as Json[]);
      expect(new Set(parter.map((p) => p.cpr))).toEqual(new Set([CITIZEN, null]));
      expect(parter.map((p) => p.navn)).toContain('Niels Erik Kristensen');

      // The same through sager and a read by id.
      expect(uuids(data(await as(CITIZEN_CLAIMS, SAGER)).sager)).toEqual(uuids(mine));
      const read = data(await as(CITIZEN_CLAIMS, SAG, { uuid: shared })).sag as Json;
      expect((read.parter as Json[]).map((p) => p.cpr)).toEqual([CITIZEN, null]);
      expect(data(await as(CITIZEN_CLAIMS, SAG, { uuid: jb(2) })).sag).toBeNull();
    });

    it('cannot search by another CPR number', async () => {
      const other = { filter: { partCpr: OTHER_CITIZEN } };
      expect(errorCode(await as(CITIZEN_CLAIMS, SAGER, other))).toBe('FORBIDDEN');
      expect(errorCode(await as(CITIZEN_CLAIMS, MINE_SAGER, other))).toBe('FORBIDDEN');
      const own = data(await as(CITIZEN_CLAIMS, SAGER, { filter: { partCpr: CITIZEN } }));
      expect(uuids(own.sager)).toEqual([jb(1), jb(5)].sort());
    });

    it('cannot write', async () => {
      expect(errorCode(await as(CITIZEN_CLAIMS, OPRET, { input: newCase({}) }))).toBe('FORBIDDEN');
      const change = { uuid: jb(1), version: 2, input: { titel: 'x' } };
      expect(errorCode(await as(CITIZEN_CLAIMS, OPDATER, change))).toBe('FORBIDDEN');
    });

    it('reads who opened their case, and only their own access log', async () => {
      data(await as(RESTRICTED, SAG, { uuid: jb(1) }));
      data(await as(RESTRICTED, SAGER, { filter: { partCpr: CITIZEN } }));
      // Another citizen's case: its record must stay out of this citizen's reach.
      data(await as(RESTRICTED, SAG, { uuid: jb(2) }));
      const log = data(await as(CITIZEN_CLAIMS, ADGANGSLOG)).adgangslog as Json;
      expect(log.cpr).toBe(CITIZEN);
      const poster = log.sag as Json[];
      expect(poster.flatMap((p) => p.objekter as string[])).not.toContain(jb(2));
      expect(poster).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            aktoer: 'tm-sagsbehandler',
            organisation: JB.cvr,
            rolle: 'sag:laes',
            operation: 'LAES',
            objektType: 'Sag',
            objekter: [jb(1)],
            udfald: 'TILLADT',
            cpr: [CITIZEN],
          }),
          expect.objectContaining({
            aktoer: 'tm-sagsbehandler',
            operation: 'SOEG',
            soegekriterier: null,
          }),
        ]),
      );
      expect(errorCode(await as(CITIZEN_CLAIMS, ADGANGSLOG, { cpr: OTHER_CITIZEN }))).toBe(
        'FORBIDDEN',
      );
      // `_entities` is held to the same scope.
      const representations = [
        {
          __typename: 'Adgangslog',
          cpr: OTHER_CITIZEN,
          fra: '2020-01-01T00:00:00Z',
          til: '2999-01-01T00:00:00Z',
        },
      ];
      const viaEntities = await as(
        CITIZEN_CLAIMS,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Adgangslog { sag { aktoer } } } }`,
        { r: representations },
      );
      expect(errorCode(viaEntities)).toBe('FORBIDDEN');
      expect(JSON.stringify(viaEntities.body.data ?? null)).not.toContain('tm-sagsbehandler');
    });
  });

  it('records reads, searches and refusals with the grant used and the search criteria', async () => {
    data(await as(RESTRICTED, SAG, { uuid: jb(1) }));
    data(await as(RESTRICTED, SAGER, { filter: { soeg: 'carport' } }));
    data(await as(RESTRICTED, SAG, { uuid: jb(3) }));
    const log = await records();
    expect(log.find((r) => r.operation === 'LAES' && r.udfald === 'TILLADT')).toMatchObject({
      aktoer: 'tm-sagsbehandler',
      aktoerType: 'BRUGER',
      organisation: JB.cvr,
      rolle: 'sag:laes',
      privilegiegruppe: `${JB.cvr}#1`,
      objekter: [jb(1)],
      cpr: [CITIZEN],
    });
    expect(log.find((r) => r.operation === 'SOEG')).toMatchObject({
      soegekriterier: { soeg: 'carport' },
      objekter: [jb(2)],
      cpr: [OTHER_CITIZEN],
    });
    expect(log.find((r) => r.udfald === 'AFVIST')).toMatchObject({
      operation: 'LAES',
      objekter: [jb(3)],
      organisation: null,
      rolle: 'sag:laes',
    });
  });

  it('lets an auditor search the access log by CPR number, and no one else', async () => {
    data(await as(RESTRICTED, SAG, { uuid: jb(1) }));
    const log = data(await as(AUDITOR, ADGANGSLOG, { cpr: CITIZEN })).adgangslog as Json;
    expect(log.sag).toEqual([
      expect.objectContaining({ aktoer: 'tm-sagsbehandler', objekter: [jb(1)], cpr: [CITIZEN] }),
    ]);
    expect(errorCode(await as(AUDITOR, ADGANGSLOG))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(RESTRICTED, ADGANGSLOG, { cpr: CITIZEN }))).toBe('FORBIDDEN');
  });

  it('never shows another municipality’s cases', async () => {
    const broenderslev: JWTPayload = {
      sub: 'br-fuld',
      privilegier: [{ cvr: BR.cvr, roller: ['sag:laes', 'sag:skriv'] }],
    };
    const filter = { organisation: JB.organisation };
    expect((data(await as(broenderslev, SAGER, { filter })).sager as Json).totalCount).toBe(0);
    expect(data(await as(broenderslev, SAG, { uuid: jb(1) })).sag).toBeNull();
    const representations = [{ __typename: 'Sag', uuid: jb(1) }];
    expect(data(await as(broenderslev, ENTITIES, { representations }))._entities).toEqual([null]);
    const found = await as(
      broenderslev,
      `query($o: ID!) { sagMedNummer(organisation: $o, sagsnummer: "2020-000001") { uuid } }`,
      { o: JB.organisation },
    );
    expect(data(found).sagMedNummer).toBeNull();
    expect((data(await as(broenderslev, SAGER)).sager as Json).totalCount).toBe(6);
    expect(errorCode(await as(broenderslev, OPRET, { input: newCase({}) }))).toBe('FORBIDDEN');
  });

  it('refuses reads and writes to a caller without the role', async () => {
    const organisationOnly: JWTPayload = {
      sub: 'org',
      privilegier: [{ cvr: JB.cvr, roller: ['organisation:laes'] }],
    };
    expect(errorCode(await as(organisationOnly, SAGER))).toBe('FORBIDDEN');
    expect(errorCode(await as(organisationOnly, OPRET, { input: newCase({}) }))).toBe('FORBIDDEN');
    const readOnly: JWTPayload = {
      sub: 'laeser',
      privilegier: [{ cvr: JB.cvr, roller: ['sag:laes'] }],
    };
    expect(errorCode(await as(readOnly, OPRET, { input: newCase({}) }))).toBe('FORBIDDEN');
  });
});

describe('an anonymous caller (where tokens are optional)', () => {
  it('reads no case on any path', async () => {
    const store = createEmbeddedStore();
    await seedSag(store);
    const server = await startTestServer(store, { allowAnonymous: true });
    const anonymous = { headers: { authorization: '' } };
    try {
      expect(errorCode(await server.query(SAGER, anonymous))).toBe('FORBIDDEN');
      expect(errorCode(await server.query(SAG, { ...anonymous, variables: { uuid: jb(1) } }))).toBe(
        'FORBIDDEN',
      );
      const representations = [{ __typename: 'Sag', uuid: jb(1) }];
      const entities = await server.query(ENTITIES, {
        ...anonymous,
        variables: { representations },
      });
      expect(JSON.stringify(entities.body.data ?? null)).not.toContain(jb(1));
      const units = await server.query(UNIT_SAGER, {
        ...anonymous,
        variables: {
          representations: [{ __typename: 'OrganisationEnhed', uuid: BYG, efterkommerIder: [] }],
        },
      });
      expect(errorCode(units)).toBe('FORBIDDEN');
    } finally {
      await server.stop();
    }
  });
});

describe('when the access log cannot be written', () => {
  it('fails the read and returns no case data', async () => {
    const store = createEmbeddedStore();
    await seedSag(store);
    const working = createEmbeddedAuditLog({ retentionMs: TEST_AUDIT_RETENTION_MS });
    const broken: AuditLog = {
      ...working,
      append: () => Promise.reject(new Error('disk full')),
    };
    const server = await startTestServer(store, { auditLog: broken });
    try {
      const read = await server.query(SAG, { variables: { uuid: jb(1) } });
      expect(errorCode(read)).toBe('AUDIT_UNAVAILABLE');
      expect(read.body.data).toEqual({ sag: null });
      const search = await server.query(SAGER);
      expect(errorCode(search)).toBe('AUDIT_UNAVAILABLE');
      expect(search.body.data).toEqual({ sager: null });
      expect(JSON.stringify([read.body, search.body])).not.toContain(CITIZEN);
    } finally {
      await server.stop();
    }
  });
});
