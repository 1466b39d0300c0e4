import {
  createOfflineBbrUpstream,
  OFFLINE_GENERATED_PER_KOMMUNE,
  type OfflineBbrUpstream,
} from './offline/create-offline-bbr-upstream';
import bygningFixtures from './offline/fixtures/bygning.json';
import { startTestServer, type TestServer } from './testing/start-test-server';

// Seeded buildings the sag seed points at (uuid v5 of `bygning-seed:<kommunekode>:<n>`).
const HJOERRING_1 = '857ac2f9-a151-57d8-bb2c-81f37a35a7f2';
const HJOERRING_4 = '1a03618a-e3f7-5baf-a156-8038f7bbe549';
const FREDERIKSHAVN_2 = '6a4048f1-6043-5f3d-b5fa-e531cc3f5eb7';
const QUIRKY = '4dba3baf-fc6d-5c3f-bb42-30669c75c4d5';

const BYGNING = `query ($id: ID!) {
  bygning(id: $id) {
    id anvendelse { kode tekst } opfoerelsesaar samletBygningsareal kommunekode
    status { kode tekst } grund { id bfeNummer vandforsyning { tekst } }
    enheder { id anvendelse { tekst } bygning { id } } etager { id betegnelse }
    registreringFra virkningFra
  }
}`;

// The clock of the subgraph and its client: the upstream is asked at this instant.
const T0 = Date.parse('2026-06-01T00:00:00Z');

let upstream: OfflineBbrUpstream;
let time: number;
let server: TestServer;

beforeAll(async () => {
  upstream = await createOfflineBbrUpstream();
});
afterAll(() => upstream.stop());
beforeEach(async () => {
  upstream.clearFaults();
  upstream.requests.length = 0;
  time = T0;
  server = await startTestServer(upstream, {
    // Generous for a loaded machine; the slow upstream of the timeout test waits longer still.
    timeoutMs: 1000,
    breakerFailureThreshold: 2,
    breakerResetMs: 10_000,
    now: () => time,
    sleep: async () => undefined,
  });
});
afterEach(() => server.stop());

function randomIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
}

describe('bbr subgraph', () => {
  it('shows a building with its use label, year, area, plot, units and floors', async () => {
    const { body } = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.bygning).toMatchObject({
      id: HJOERRING_4,
      anvendelse: { kode: '140', tekst: 'Etagebolig-bygning, flerfamiliehus eller to-familiehus' },
      kommunekode: '0849',
      status: { kode: '6', tekst: 'Opført' },
      grund: { bfeNummer: '100004', vandforsyning: { tekst: 'Enkeltindvindingsanlæg' } },
      enheder: expect.arrayContaining([expect.objectContaining({ bygning: { id: HJOERRING_4 } })]),
    });
    expect((body.data?.bygning as { enheder: unknown[] }).enheder).toHaveLength(3);
  });

  it("tolerates BBR's quirks: a lower-case id field, unknown and missing fields", async () => {
    const ids = [FREDERIKSHAVN_2, QUIRKY];
    const results = await Promise.all(
      ids.map((id) => server.query(BYGNING, { variables: { id } })),
    );
    expect(results.map((r) => r.body.errors)).toEqual([undefined, undefined]);
    expect(results[0]?.body.data?.bygning).toMatchObject({ etager: [{ betegnelse: 'st' }] });
  });

  it('shows the old use at an earlier Virkningstid and at an earlier Registreringstid', async () => {
    const use = async (headers: Record<string, string>) =>
      (
        await server.query<{ bygning: { anvendelse: { tekst: string } } }>(BYGNING, {
          variables: { id: HJOERRING_1 },
          headers,
        })
      ).body.data?.bygning.anvendelse.tekst;
    expect(await use({})).toBe('Fritliggende enfamiliehus');
    expect(await use({ Virkningstid: '2020-01-01T00:00:00Z' })).toBe(
      'Stuehus til landbrugsejendom',
    );
    expect(await use({ Registreringstid: '2020-01-01T00:00:00Z' })).toBe(
      'Stuehus til landbrugsejendom',
    );
  });

  it('resolves 100 Bygning representations in ceil(100 / batch size) calls, none on a repeat', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bygning { id } } }`;
    const representations = [HJOERRING_1, ...randomIds(99)].map((id) => ({
      __typename: 'Bygning',
      id,
    }));
    const first = await server.query<{ _entities: unknown[] }>(query, {
      variables: { r: representations },
    });
    expect(first.body.data?._entities[0]).toEqual({ id: HJOERRING_1 });
    expect(upstream.requests).toHaveLength(10);
    await server.query(query, { variables: { r: representations } });
    expect(upstream.requests).toHaveLength(10);
  });

  it('reads the units, floors and plots of several buildings, and the buildings on their plots, in one call each', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Bygning { id enheder { id } etager { id } grund { id bygninger { id } } }
    } }`;
    const ids = [HJOERRING_1, HJOERRING_4, FREDERIKSHAVN_2];
    const { body } = await server.query<{
      _entities: { id: string; enheder: unknown[]; grund: { bygninger: { id: string }[] } }[];
    }>(query, { variables: { r: ids.map((id) => ({ __typename: 'Bygning', id })) } });
    expect(body.errors).toBeUndefined();
    const found = body.data?._entities ?? [];
    expect(found.map((b) => b.id)).toEqual(ids);
    expect(found.every((b) => b.enheder.length > 0)).toBe(true);
    // Each building stands on its own plot.
    expect(found.map((b) => b.grund.bygninger.map((g) => g.id))).toEqual(ids.map((id) => [id]));
    expect(upstream.requests.map((r) => r.path).sort()).toEqual(
      ['BBR_Bygning', 'BBR_Bygning', 'BBR_Enhed', 'BBR_Etage', 'BBR_Grund'].sort(),
    );
    const byGrund = upstream.requests.filter(
      (r) => r.path === 'BBR_Bygning' && r.params.where?.includes('"grund"'),
    );
    expect(JSON.parse(byGrund[0]?.params.where ?? '{}').grund.in).toHaveLength(3);
  });

  it('fails only the fields that need a slow upstream, with UPSTREAM_UNAVAILABLE after the timeout', async () => {
    await server.query(BYGNING, { variables: { id: HJOERRING_1 } });
    upstream.setFaults({ latencyMs: 2000 });
    const { body } = await server.query(
      `{ cached: bygning(id: "${HJOERRING_1}") { id } slow: bygning(id: "${HJOERRING_4}") { id } }`,
    );
    expect(body.data).toEqual({ cached: { id: HJOERRING_1 }, slow: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['slow'],
        message: 'BBR did not answer in time; try again later',
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      }),
    ]);
  });

  it('answers after a 429 with Retry-After', async () => {
    upstream.setFaults({ status: 429, retryAfterSeconds: 1, times: 1 });
    const { body } = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(body.errors).toBeUndefined();
    // The refused call (answered before its query was read) and its retry.
    expect(upstream.requests.slice(0, 2).map((r) => r.path)).toEqual(['/BBR/v3', 'BBR_Bygning']);
  });

  it('opens the circuit on repeated 5xx, fails fast without calling, and closes after recovery', async () => {
    upstream.setFaults({ status: 503 });
    for (const id of randomIds(2)) await server.query(BYGNING, { variables: { id } });
    const calls = upstream.requests.length;
    const ready = () => fetch(server.url.replace('/graphql', '/ready')).then((r) => r.status);
    expect(await ready()).toBe(503);

    const open = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(open.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(upstream.requests).toHaveLength(calls);

    upstream.clearFaults();
    time = T0 + 10_000;
    const closed = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(closed.body.errors).toBeUndefined();
    expect(await ready()).toBe(200);
  });

  it('turns a malformed body into a clear error and keeps serving', async () => {
    upstream.setFaults({ malformed: true, times: 1 });
    const broken = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(broken.body.errors?.[0]).toMatchObject({
      message: 'BBR answered with a response that could not be read',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    const again = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(again.body.errors).toBeUndefined();
  });

  it('never shows the upstream URL in an error', async () => {
    upstream.setFaults({ status: 500 });
    const { body } = await server.query(BYGNING, { variables: { id: HJOERRING_4 } });
    expect(JSON.stringify(body)).not.toContain(new URL(upstream.url).host);
  });

  it('pages a municipality of more buildings than one upstream page to the end, each building once', async () => {
    const query = `query ($after: String) {
      bygninger(filter: { kommunekode: "0849" }, first: 30, after: $after) {
        nodes { id kommunekode } pageInfo { hasNextPage endCursor } totalCount
      }
    }`;
    type Page = {
      bygninger: {
        nodes: { id: string; kommunekode: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number | null;
      };
    };
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: { body: { errors?: unknown; data?: Page | null } } = await server.query<Page>(
        query,
        { variables: { after } },
      );
      expect(response.body.errors).toBeUndefined();
      const page: Page['bygninger'] | undefined = response.body.data?.bygninger;
      expect(page?.totalCount).toBeNull();
      expect(page?.nodes.every((n) => n.kommunekode === '0849')).toBe(true);
      ids.push(...(page?.nodes ?? []).map((n) => n.id));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after !== null && pages < 50);
    // The fixtures' buildings of 0849 that stand now, and the generated ones.
    const standing = new Set(
      (
        bygningFixtures as {
          id_lokalId: string;
          kommunekode: string;
          registreringTil: unknown;
          virkningTil: unknown;
        }[]
      )
        .filter(
          (b) => b.kommunekode === '0849' && b.registreringTil === null && b.virkningTil === null,
        )
        .map((b) => b.id_lokalId),
    );
    expect(ids.length).toBe(standing.size + OFFLINE_GENERATED_PER_KOMMUNE);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...standing]));
    // More than one upstream page was read, each at most a few times (once per graph page on it).
    const upstreamPages = new Set(
      upstream.requests.filter((r) => r.path === 'BBR_Bygning').map((r) => r.params.after ?? ''),
    );
    expect(upstreamPages.size).toBe(Math.ceil(ids.length / 100));
  });

  it('rejects a cursor it did not give', async () => {
    const { body } = await server.query(
      `{ bygninger(filter: { kommunekode: "0849" }, after: "bm9wZQ") { nodes { id } } }`,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('finds the buildings on a property by BFE number, and rejects an empty filter', async () => {
    const found = await server.query(
      `{ bygninger(filter: { bfeNummer: "100001" }) { nodes { id } } }`,
    );
    expect(found.body.data).toEqual({ bygninger: { nodes: [{ id: HJOERRING_1 }] } });
    const empty = await server.query(`{ bygninger(filter: {}) { totalCount } }`);
    expect(empty.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter' });
  });
});
