import { getDevProfileClaims } from '../scripts/dev-issuer/dev-profiles';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { readExamples, type Example } from './read-examples';
import {
  startGraph,
  type GraphQLResponseBody,
  type StartedGraph,
  type SubgraphName,
} from './start-graph';

const examples = readExamples();

function getExample(name: string): Example {
  const example = examples.get(name);
  if (!example) throw new Error(`no example examples/${name}.graphql`);
  return example;
}

/** Removes array indexes, so a path names a field of every item: `sag.bygninger.enheder`. */
function getFieldPath(path: readonly (string | number)[] | undefined): string {
  return (path ?? []).filter((part) => typeof part === 'string').join('.');
}

/** Every field path in the data whose value is null. */
function getNullPaths(value: unknown, path: string[] = []): string[] {
  if (value === null) return [path.join('.')];
  if (Array.isArray(value)) return value.flatMap((item) => getNullPaths(item, path));
  if (typeof value === 'object' && value !== undefined) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      getNullPaths(item, [...path, key]),
    );
  }
  return [];
}

/**
 * For each failing supplier: the example asked, and the fields its failure takes away (paths
 * without indexes). Nothing else may be lost.
 */
const LOST_BY_FAILURE: Record<string, { example: string; lost: string[] }> = {
  organisation: {
    example: 'sagsbehandler-sag',
    lost: ['sag.ansvarligEnhed', 'sag.sagsbehandler', 'sag.organisation'],
  },
  klassifikation: { example: 'sagsbehandler-sag', lost: ['sag.kle'] },
  sag: { example: 'sagsbehandler-enhedsoversigt', lost: ['organisationEnhed.sager'] },
  dokument: { example: 'sagsbehandler-sag', lost: ['sag.dokumenter'] },
  bbr: {
    example: 'sagsbehandler-sag',
    lost: [
      'sag.bygninger.bygningsnummer',
      'sag.bygninger.anvendelse',
      'sag.bygninger.opfoerelsesaar',
      'sag.bygninger.samletBygningsareal',
      'sag.bygninger.enheder',
    ],
  },
};

describe.each([
  ['organisation', 'organisation'],
  ['klassifikation', 'klassifikation'],
  ['sag', 'sag'],
  ['dokument', 'dokument'],
  ['bbr', 'bbr'],
  ['the BBR upstream', 'bbr-upstream'],
] as const)('with %s failing', (_name, failure) => {
  let graph: StartedGraph;
  let token: string;
  let healthy: GraphQLResponseBody;
  const { example: name, lost: failed } = LOST_BY_FAILURE[
    failure === 'bbr-upstream' ? 'bbr' : failure
  ] ?? { example: '', lost: [] };
  const example = getExample(name);

  beforeAll(async () => {
    graph = await startGraph();
    token = await graph.sign(getDevProfileClaims('sagsbehandler'));
    healthy = (await ask(example)).body;
    if (failure === 'bbr-upstream') graph.bbrUpstream.setFaults({ status: 503 });
    else await graph.subgraphs[failure as SubgraphName].stop();
  });
  afterAll(() => graph.stop());

  function ask(
    ex: Example,
    variables: Record<string, unknown> = {},
  ): Promise<{ status: number; body: GraphQLResponseBody }> {
    return graph.query(ex.source, {
      token,
      variables: { ...ex.variables, ...variables },
      headers: ex.headers,
    });
  }

  it('answered the case in full before the failure', () => {
    expect(healthy.errors).toBeUndefined();
    for (const path of failed) expect(getNullPaths(healthy.data)).not.toContain(path);
  });

  it("keeps every other supplier's data, with one error per failed field path", async () => {
    // The bbr subgraph caches what BBR answered; a case with another building asks it anew.
    const { status, body } = await ask(
      example,
      failure === 'bbr-upstream' ? { sag: getSeedSagUuid('0849', 2) } : {},
    );
    expect(status).toBe(200);
    const nulls = new Set(getNullPaths(body.data));
    const before = new Set(getNullPaths(healthy.data));
    const lost = [...nulls].filter((path) => !before.has(path)).sort();
    expect(lost).toEqual([...failed].sort());
    const errorPaths = (body.errors ?? []).map((error) => getFieldPath(error.path));
    // Every error names a lost field (or the parent whose fields were lost), each path once.
    expect(errorPaths.length).toBeGreaterThan(0);
    expect(new Set(errorPaths).size).toBe(errorPaths.length);
    for (const path of errorPaths) {
      expect(failed.some((field) => field === path || field.startsWith(`${path}.`))).toBe(true);
    }
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
  });

  it("keeps the rest of the case worker's page", async () => {
    const { body } = await ask(getExample('sagsbehandler-sagsside'));
    if (failure === 'sag') {
      expect(body.data).toEqual({ sager: null });
      expect(body.errors?.map((error) => error.path)).toEqual([['sager']]);
      return;
    }
    const sager = body.data?.sager as { totalCount: number; nodes: { titel: string }[] };
    expect(sager.totalCount).toBe(2);
    expect(sager.nodes.map((sag) => typeof sag.titel)).toEqual(['string', 'string']);
  });
});
