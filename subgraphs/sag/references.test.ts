import type { JWTPayload } from 'jose';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { KleLookupUnavailableError } from './klassifikation/create-http-kle-lookup';
import type { OpretSagInput } from './sag/sag-input';
import { ORGANISATION_REFS } from './seed/organisation-refs';
import { SEED_HANDLINGSFACETTER, SEED_KLE } from './seed/seed-sag-data';
import { getSeedSagUuid } from './seed/seed-sag-ids';
import { seedSag } from './seed/seed-sag';
import {
  startTestServer,
  type GraphQLTestResponse,
  type TestServer,
} from './testing/start-test-server';

const JB = ORGANISATION_REFS.jammerbugt;
const BR = ORGANISATION_REFS.broenderslev;
const BYG = JB.enheder.bygOgMiljoe;
const jb = (n: number): string => getSeedSagUuid(JB.kommunekode, n);

/** A case worker of Teknik og Miljø in Jammerbugt, for building cases (KLE 02.*) only. */
const RESTRICTED: JWTPayload = {
  sub: 'tm-sagsbehandler',
  privilegier: [
    {
      cvr: JB.cvr,
      roller: ['sag:laes', 'sag:skriv'],
      kle: ['02.*'],
      enheder: [JB.overordnede.teknikOgMiljoe],
    },
  ],
};

type Json = Record<string, unknown>;

const OPRET = `mutation($input: OpretSagInput!) { opretSag(input: $input) { uuid kleNummer } }`;
const OPDATER = `mutation($uuid: ID!, $version: Int!, $input: OpdaterSagInput!) {
  opdaterSag(uuid: $uuid, version: $version, input: $input) { version kleNummer } }`;
const SAG = `query($uuid: ID!) { sag(uuid: $uuid) { version kleNummer kle { uuid }
  handlingsfacet { uuid } ansvarligEnhed { uuid } } }`;
const COUNT = `query($filter: SagFilter) { sager(filter: $filter, first: 1) { totalCount } }`;

function newCase(overrides: Partial<OpretSagInput>): OpretSagInput {
  return {
    organisation: JB.organisation,
    titel: 'Testsag',
    kle: SEED_KLE.byggetilladelse.uuid,
    kleNummer: SEED_KLE.byggetilladelse.nummer,
    ansvarligEnhed: BYG,
    ...overrides,
  };
}

function data(response: GraphQLTestResponse): Json {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Json;
}

function firstError(response: GraphQLTestResponse): { code: unknown; field: unknown } {
  const error = response.body.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}

describe("a case's references are checked before access is decided", () => {
  let store: BitemporalStore;
  let server: TestServer;

  const as = async (claims: JWTPayload, query: string, variables: Json = {}) => {
    const token = await (await getTestIssuer()).sign(claims);
    return server.query(query, { variables, headers: { authorization: `Bearer ${token}` } });
  };
  /** Every case in the store, as the full-access caller counts them. */
  const countSager = async (filter: Json = {}): Promise<number> =>
    (data(await server.query(COUNT, { variables: { filter } })).sager as Json).totalCount as number;
  const readSag = async (uuid: string): Promise<Json> =>
    data(await server.query(SAG, { variables: { uuid } })).sag as Json;

  beforeEach(async () => {
    store = createEmbeddedStore();
    await seedSag(store);
    server = await startTestServer(store);
  });
  afterEach(() => server.stop());

  it('refuses a 27.* case filed with the number 02.34.02 by a 02.* case worker, and stores nothing', async () => {
    const before = await countSager();
    const forged = newCase({
      kle: SEED_KLE.boernefagligUndersoegelse.uuid,
      kleNummer: '02.34.02',
    });
    expect(firstError(await as(RESTRICTED, OPRET, { input: forged }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.kleNummer',
    });
    expect(await countSager()).toBe(before);

    // Without the forged number the decision sees 27.24.03, which the group does not cover.
    // Left out (JSON drops undefined), so the number is taken from `kle`.
    const honest = { ...forged, kleNummer: undefined };
    expect(firstError(await as(RESTRICTED, OPRET, { input: honest })).code).toBe('FORBIDDEN');
    expect(await countSager()).toBe(before);

    // The control: the same caller may file a 02.34.02 case.
    const allowed = data(await as(RESTRICTED, OPRET, { input: newCase({}) })).opretSag as Json;
    expect(allowed.kleNummer).toBe('02.34.02');
  });

  it('refuses moving a case to 27.* under a forged number, and changes nothing', async () => {
    const before = await readSag(jb(2));
    const forged = {
      uuid: jb(2),
      version: before.version,
      input: { kle: SEED_KLE.boernefagligUndersoegelse.uuid, kleNummer: '02.34.02' },
    };
    expect(firstError(await as(RESTRICTED, OPDATER, forged))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.kleNummer',
    });
    const honest = { ...forged, input: { kle: SEED_KLE.boernefagligUndersoegelse.uuid } };
    expect(firstError(await as(RESTRICTED, OPDATER, honest)).code).toBe('FORBIDDEN');
    expect(await readSag(jb(2))).toEqual(before);
  });

  it('stores the KLE number of `kle` when kleNummer is left out, on creation and on change', async () => {
    const input = newCase({ kle: SEED_KLE.grundskyld.uuid, kleNummer: undefined });
    const created = data(await server.query(OPRET, { variables: { input } })).opretSag as Json;
    expect(created.kleNummer).toBe('25.02.01');
    const uuid = created.uuid as string;
    expect(await readSag(uuid)).toMatchObject({
      kleNummer: '25.02.01',
      kle: { uuid: SEED_KLE.grundskyld.uuid },
    });
    // Found by its number, as access decisions and searches read it.
    expect(await countSager({ kle: '25.02' })).toBe(6);

    const changed = data(
      await server.query(OPDATER, {
        variables: { uuid, version: 1, input: { kle: SEED_KLE.journalisering.uuid } },
      }),
    ).opdaterSag as Json;
    expect(changed).toEqual({ version: 2, kleNummer: '85.02.01' });
  });

  it('accepts a kleNummer that is the number of `kle`', async () => {
    const created = data(await server.query(OPRET, { variables: { input: newCase({}) } }));
    expect((created.opretSag as Json).kleNummer).toBe('02.34.02');
  });

  it.each<[string, Partial<OpretSagInput>, string]>([
    ['a kle that is a handlingsfacet', { kle: SEED_HANDLINGSFACETTER.klage }, 'input.kle'],
    ['a kle unknown to the KLE', { kle: '0f0e0d0c-0b0a-4909-8807-060504030201' }, 'input.kle'],
    [
      'a handlingsfacet that is an emne',
      { handlingsfacet: SEED_KLE.grundskyld.uuid },
      'input.handlingsfacet',
    ],
    [
      'a unit of another municipality',
      { ansvarligEnhed: BR.enheder.bygOgMiljoe },
      'input.ansvarligEnhed',
    ],
    [
      'an unknown unit',
      { ansvarligEnhed: '0f0e0d0c-0b0a-4909-8807-060504030201' },
      'input.ansvarligEnhed',
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_, overrides, field) => {
    const before = await countSager();
    const response = await server.query(OPRET, { variables: { input: newCase(overrides) } });
    expect(firstError(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await countSager()).toBe(before);
  });

  it('accepts a handlingsfacet that is one', async () => {
    const input = newCase({ handlingsfacet: SEED_HANDLINGSFACETTER.klage });
    const { uuid } = data(await server.query(OPRET, { variables: { input } })).opretSag as Json;
    expect(await readSag(uuid as string)).toMatchObject({
      handlingsfacet: { uuid: SEED_HANDLINGSFACETTER.klage },
    });
  });

  it('refuses moving a case to a unit outside its municipality, and changes nothing', async () => {
    const before = await readSag(jb(1));
    const move = {
      uuid: jb(1),
      version: before.version,
      input: { ansvarligEnhed: BR.enheder.bygOgMiljoe },
    };
    expect(firstError(await server.query(OPDATER, { variables: move }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.ansvarligEnhed',
    });
    expect(await readSag(jb(1))).toEqual(before);
    // Within the municipality the move is a change like any other.
    const within = { ...move, input: { ansvarligEnhed: JB.enheder.sekretariat } };
    expect(data(await server.query(OPDATER, { variables: within })).opdaterSag).toMatchObject({
      version: (before.version as number) + 1,
    });
  });
});

describe('when the KLE cannot be asked', () => {
  it('refuses the change with 503 KLASSIFIKATION_UNAVAILABLE and stores nothing', async () => {
    const store = createEmbeddedStore();
    await seedSag(store);
    const server = await startTestServer(store, {
      kle: {
        findKlasse: async () => {
          throw new KleLookupUnavailableError(new Error('connection refused'));
        },
      },
    });
    try {
      const response = await server.query(OPRET, { variables: { input: newCase({}) } });
      expect(firstError(response).code).toBe('KLASSIFIKATION_UNAVAILABLE');
      const update = await server.query(OPDATER, {
        variables: { uuid: jb(2), version: 2, input: { kle: SEED_KLE.grundskyld.uuid } },
      });
      expect(firstError(update).code).toBe('KLASSIFIKATION_UNAVAILABLE');
      // A change that refers to no KLE class needs no answer from the KLE.
      const titel = await server.query(OPDATER, {
        variables: { uuid: jb(2), version: 2, input: { titel: 'Carport i skel' } },
      });
      expect(data(titel).opdaterSag).toMatchObject({ version: 3 });
      const count = await server.query(COUNT);
      expect((data(count).sager as Json).totalCount).toBe(30);
    } finally {
      await server.stop();
    }
  });
});
