import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import type { OpretSagInput } from './sag/sag-input';
import { ORGANISATION_REFS } from './seed/organisation-refs';
import { SEED_KLE } from './seed/seed-sag-data';
import { getSeedSagUuid } from './seed/seed-sag-ids';
import { seedSag } from './seed/seed-sag';
import {
  startTestServer,
  type GraphQLTestResponse,
  type TestServer,
} from './testing/start-test-server';

const JB = ORGANISATION_REFS.jammerbugt;
const BR = ORGANISATION_REFS.broenderslev;
const METTE = JB.sagsbehandlere.bygOgMiljoe;
const SOEREN = BR.sagsbehandlere.bygOgMiljoe;
const NOBODY = '00000000-0000-4000-8000-00000000beef';

type Json = Record<string, unknown>;

const OPRET = `mutation($input: OpretSagInput!) { opretSag(input: $input) { uuid sagsbehandler { uuid } } }`;
const OPDATER = `mutation($uuid: ID!, $version: Int!, $input: OpdaterSagInput!) {
  opdaterSag(uuid: $uuid, version: $version, input: $input) { version sagsbehandler { uuid } } }`;
const SAG = `query($uuid: ID!) { sag(uuid: $uuid) { version sagsbehandler { uuid } } }`;
const COUNT = `{ sager(first: 1) { totalCount } }`;

function newCase(sagsbehandler: string): OpretSagInput {
  return {
    organisation: JB.organisation,
    titel: 'Testsag',
    kle: SEED_KLE.byggetilladelse.uuid,
    ansvarligEnhed: JB.enheder.bygOgMiljoe,
    sagsbehandler,
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

describe("a case's sagsbehandler is checked like its unit", () => {
  let store: BitemporalStore;
  let server: TestServer;
  const countSager = async (): Promise<number> =>
    (data(await server.query(COUNT)).sager as Json).totalCount as number;

  beforeEach(async () => {
    store = createEmbeddedStore();
    await seedSag(store);
    server = await startTestServer(store);
  });
  afterEach(() => server.stop());

  it.each([
    ['a user of another municipality', SOEREN],
    ['a user that does not exist', NOBODY],
  ])('refuses a new case whose sagsbehandler is %s, and stores nothing', async (_, bruger) => {
    const before = await countSager();
    expect(
      firstError(await server.query(OPRET, { variables: { input: newCase(bruger) } })),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.sagsbehandler' });
    expect(await countSager()).toBe(before);
    // The control: a case worker of the case's own municipality is accepted.
    const created = data(await server.query(OPRET, { variables: { input: newCase(METTE) } }));
    expect(created.opretSag).toMatchObject({ sagsbehandler: { uuid: METTE } });
    expect(await countSager()).toBe(before + 1);
  });

  it('refuses handing a case to a user of another municipality, and changes nothing', async () => {
    const uuid = getSeedSagUuid(JB.kommunekode, 1);
    const before = data(await server.query(SAG, { variables: { uuid } })).sag as Json;
    const change = (sagsbehandler: string | null) =>
      server.query(OPDATER, {
        variables: { uuid, version: before.version, input: { sagsbehandler } },
      });
    expect(firstError(await change(SOEREN))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.sagsbehandler',
    });
    expect(firstError(await change(NOBODY)).code).toBe('BAD_USER_INPUT');
    expect(data(await server.query(SAG, { variables: { uuid } })).sag).toEqual(before);
    // Taking the case worker off the case needs no check.
    expect(data(await change(null)).opdaterSag).toMatchObject({ sagsbehandler: null });
  });
});
