import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { getFullAccessClaims } from '../kit/auth/testing/full-access-claims';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import type { OpretSagInput } from './sag/sag-input';
import { ORGANISATION_REFS } from './seed/organisation-refs';
import { SEED_KLE } from './seed/seed-sag-data';
import { seedSag } from './seed/seed-sag';
import { startTestServer, type TestServer } from './testing/start-test-server';

const JB = ORGANISATION_REFS.jammerbugt;

type Json = Record<string, unknown>;

const OPRET = `mutation($input: OpretSagInput!) { opretSag(input: $input) { uuid sagsnummer titel } }`;
const SKIFT = `mutation($uuid: ID!, $version: Int!) {
  skiftFremdrift(uuid: $uuid, version: $version, fremdrift: OPLYST) { version fremdrift } }`;
const SAG = `query($uuid: ID!) { sag(uuid: $uuid) { version fremdrift } }`;
const COUNT = `{ sager(first: 1) { totalCount } }`;

const input = (titel: string): OpretSagInput => ({
  organisation: JB.organisation,
  titel,
  kle: SEED_KLE.byggetilladelse.uuid,
  ansvarligEnhed: JB.enheder.bygOgMiljoe,
});

describe('a write sent again with the same Idempotency-Key', () => {
  let dir: string;
  let store: BitemporalStore;
  let server: TestServer;
  const send = (query: string, variables: Json, key: string | null, token?: string) =>
    server.query(query, {
      variables,
      headers: {
        ...(key === null ? {} : { 'idempotency-key': key }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  const count = async (): Promise<number> =>
    ((await server.query<{ sager: { totalCount: number } }>(COUNT)).body.data?.sager.totalCount ??
      -1) as number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sag-idempotency-'));
    store = createEmbeddedStore({ journalFile: join(dir, 'sag.jsonl') });
    await seedSag(store);
    server = await startTestServer(store);
  });
  afterEach(async () => {
    await server.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates one case, and answers both with the same sagsnummer, also after a restart', async () => {
    const before = await count();
    const first = await send(OPRET, { input: input('Carport') }, 'opret-1');
    const again = await send(OPRET, { input: input('Carport') }, 'opret-1');
    expect(first.body.errors).toBeUndefined();
    const created = (first.body.data as Json).opretSag as Json;
    expect(typeof created.sagsnummer).toBe('string');
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);

    // The key is kept in the store: a new process over the same journal answers it too.
    await server.stop();
    await store.close();
    store = createEmbeddedStore({ journalFile: join(dir, 'sag.jsonl') });
    server = await startTestServer(store);
    const afterRestart = await send(OPRET, { input: input('Carport') }, 'opret-1');
    expect(afterRestart.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);

    // Without a key, the same request is a new case: the control.
    await send(OPRET, { input: input('Carport') }, null);
    expect(await count()).toBe(before + 2);
  });

  it('refuses the same key with a different input, and writes nothing', async () => {
    await send(OPRET, { input: input('Carport') }, 'opret-2');
    const before = await count();
    const reused = await send(OPRET, { input: input('Garage') }, 'opret-2');
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.data?.opretSag ?? null).toBeNull();
    expect(await count()).toBe(before);
  });

  it("keeps one caller's key apart from another's", async () => {
    const other = await (await getTestIssuer()).sign({ ...getFullAccessClaims(), sub: 'en-anden' });
    const before = await count();
    const mine = await send(OPRET, { input: input('Carport') }, 'opret-3');
    const theirs = await send(OPRET, { input: input('Garage') }, 'opret-3', other);
    expect(theirs.body.errors).toBeUndefined();
    expect(((theirs.body.data as Json).opretSag as Json).uuid).not.toBe(
      ((mine.body.data as Json).opretSag as Json).uuid,
    );
    expect(await count()).toBe(before + 2);
  });

  it('answers a repeated skiftFremdrift with its first answer instead of a version conflict', async () => {
    const created = await send(OPRET, { input: input('Carport') }, null);
    const uuid = ((created.body.data as Json).opretSag as Json).uuid as string;
    const { version } = (
      await server.query<{ sag: { version: number } }>(SAG, { variables: { uuid } })
    ).body.data?.sag ?? { version: -1 };
    const first = await send(SKIFT, { uuid, version }, 'skift-1');
    expect(first.body.errors).toBeUndefined();
    const again = await send(SKIFT, { uuid, version }, 'skift-1');
    expect(again.body).toEqual(first.body);
    const now = (await server.query<{ sag: { version: number } }>(SAG, { variables: { uuid } }))
      .body.data?.sag;
    expect(now?.version).toBe(version + 1);
    // Without the key, the same request conflicts: it was applied once.
    const unkeyed = await send(SKIFT, { uuid, version }, null);
    expect(unkeyed.body.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
  });

  it('refuses a malformed key before anything runs', async () => {
    const before = await count();
    const response = await send(OPRET, { input: input('Carport') }, 'x'.repeat(256));
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(await count()).toBe(before);
  });
});
