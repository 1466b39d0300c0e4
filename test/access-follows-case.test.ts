import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { startGraph, type StartedGraph } from './start-graph';

jest.setTimeout(120_000);

const KAREN = '1203654127';
/** Jammerbugt's seeded cases: Karen is the applicant of 1 and 5; 2 is an ordinary permit. */
const sag = (n: number): string => getSeedSagUuid('0849', n);

interface DokumentNodes {
  totalCount: number;
  nodes: { uuid: string; sag: { uuid: string }; varianter: { dele: { indholdUrl: string }[] }[] }[];
}

const DOKUMENTER = `query ($filter: DokumentFilter) {
  dokumenter(filter: $filter, first: 30) {
    totalCount
    nodes { uuid sag { uuid } varianter { dele { indholdUrl } } }
  }
}`;

describe("a document's access follows its case as it is now", () => {
  let graph: StartedGraph;
  let base: string;
  beforeAll(async () => {
    graph = await startGraph();
    base = graph.url.replace(/\/graphql$/, '');
  });
  afterAll(() => graph.stop());

  const listDokumenter = async (token: string, filter: Record<string, unknown> | null = null) => {
    const { body } = await graph.query(DOKUMENTER, { token, variables: { filter } });
    expect(body.errors).toBeUndefined();
    return body.data?.dokumenter as DokumentNodes;
  };
  const download = async (token: string, path: string): Promise<number> => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    return response.status;
  };
  const readDokument = async (token: string, uuid: string) => {
    const { body } = await graph.query(`query ($uuid: ID!) { dokument(uuid: $uuid) { uuid } }`, {
      token,
      variables: { uuid },
    });
    expect(body.errors).toBeUndefined();
    return body.data?.dokument;
  };
  /** `_entities` straight at the dokument subgraph, past the gateway. */
  const entities = async (token: string, uuid: string): Promise<unknown> => {
    const response = await fetch(graph.subgraphUrls.dokument, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Dokument { uuid titel } } }`,
        variables: { r: [{ __typename: 'Dokument', uuid }] },
      }),
    });
    return ((await response.json()) as { data?: { _entities?: unknown[] } }).data?._entities;
  };
  /** Changes a case as a full-access case worker, from its current version. */
  const changeSag = async (uuid: string, change: (current: CurrentSag) => object) => {
    const read = await graph.query(
      `query ($uuid: ID!) { sag(uuid: $uuid) { version parter { rolle cpr cvr navn } } }`,
      { variables: { uuid } },
    );
    const current = read.body.data?.sag as CurrentSag;
    const { body } = await graph.query(
      `mutation ($uuid: ID!, $version: Int!, $input: OpdaterSagInput!) {
        opdaterSag(uuid: $uuid, version: $version, input: $input) { version }
      }`,
      { variables: { uuid, version: current.version, input: change(current) } },
    );
    expect(body.errors).toBeUndefined();
  };
  interface CurrentSag {
    version: number;
    parter: { rolle: string; cpr: string | null; cvr: string | null; navn: string }[];
  }

  it('hides her documents from a citizen removed as a party: list, count, reads and download', async () => {
    const karen = await graph.sign(getDevProfileClaims('borger'));
    const before = await listDokumenter(karen);
    // She sees the documents of her two cases, and can download them.
    expect(before.totalCount).toBeGreaterThan(0);
    expect(new Set(before.nodes.map((n) => n.sag.uuid))).toEqual(new Set([sag(1), sag(5)]));
    const [first] = before.nodes;
    const path = first?.varianter[0]?.dele[0]?.indholdUrl ?? '';
    expect(await download(karen, path)).toBe(200);
    expect(await readDokument(karen, first?.uuid ?? '')).toEqual({ uuid: first?.uuid });

    for (const n of [1, 5]) {
      await changeSag(sag(n), (current) => ({
        parter: current.parter.filter((part) => part.cpr !== KAREN),
      }));
    }

    // The very next request sees the change, on every path.
    const after = await listDokumenter(karen);
    expect(after).toEqual({ totalCount: 0, nodes: [] });
    expect(await listDokumenter(karen, { sag: sag(1) })).toEqual({ totalCount: 0, nodes: [] });
    expect(await download(karen, path)).toBe(404);
    expect(await readDokument(karen, first?.uuid ?? '')).toBeNull();
    expect(await entities(karen, first?.uuid ?? '')).toEqual([null]);
    const mine = await graph.query('{ mineSager { totalCount } }', { token: karen });
    expect(mine.body.data?.mineSager).toEqual({ totalCount: 0 });

    // Added back, she sees them again: the refusal above was the case's parties, nothing else.
    await changeSag(sag(1), (current) => ({
      parter: [
        ...current.parter,
        { rolle: 'PRIMAERPART', cpr: KAREN, cvr: null, navn: 'Karen Margrethe Larsen' },
      ],
    }));
    const restored = await listDokumenter(karen);
    expect(new Set(restored.nodes.map((n) => n.sag.uuid))).toEqual(new Set([sag(1)]));
  });

  it('hides a case raised to FOELSOM from the integrator (cleared for IKKE_FORTROLIG)', async () => {
    const integrator = await graph.sign(getDevProfileClaims('integrator'));
    const before = await listDokumenter(integrator, { sag: sag(2) });
    expect(before.totalCount).toBeGreaterThan(0);
    const all = await listDokumenter(integrator);
    // One page holds them all, so the nodes below are the whole list.
    expect(all.totalCount).toBeLessThanOrEqual(30);
    const others = all.nodes.filter((n) => n.sag.uuid !== sag(2));
    expect(all.nodes.some((n) => n.sag.uuid === sag(2))).toBe(true);
    const [first] = before.nodes;
    const path = first?.varianter[0]?.dele[0]?.indholdUrl ?? '';
    expect(await download(integrator, path)).toBe(200);
    const nested = `query ($uuid: ID!) { sag(uuid: $uuid) { uuid dokumenter { totalCount } } }`;
    const viaSag = await graph.query(nested, { token: integrator, variables: { uuid: sag(2) } });
    expect(viaSag.body.data?.sag).toEqual({
      uuid: sag(2),
      dokumenter: { totalCount: before.totalCount },
    });

    await changeSag(sag(2), () => ({ foelsomhed: 'FOELSOM' }));

    expect(await listDokumenter(integrator, { sag: sag(2) })).toEqual({
      totalCount: 0,
      nodes: [],
    });
    // The unfiltered list loses exactly that case's documents, and counts them no more.
    const rest = await listDokumenter(integrator);
    expect(rest.totalCount).toBe(all.totalCount - before.totalCount);
    expect(rest.nodes.map((n) => n.uuid).sort()).toEqual(others.map((n) => n.uuid).sort());
    expect(await download(integrator, path)).toBe(404);
    expect(await readDokument(integrator, first?.uuid ?? '')).toBeNull();
    expect(await entities(integrator, first?.uuid ?? '')).toEqual([null]);

    // A case worker cleared for FOELSOM on that subject still reads them: a decision, not a fault.
    const cleared = await graph.sign({
      sub: 'test-cleared',
      privilegier: [
        {
          cvr: '29189625',
          roller: ['sag:laes', 'dokument:laes'],
          kle: ['02.*'],
          foelsomhed: 'FOELSOM',
        },
      ],
    });
    expect((await listDokumenter(cleared, { sag: sag(2) })).totalCount).toBe(before.totalCount);
    expect(await download(cleared, path)).toBe(200);
  });
});
