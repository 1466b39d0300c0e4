import { createHash } from 'node:crypto';
import { getSeedSagUuid } from '../subgraphs/sag/seed/seed-sag-ids';
import { parseTraceparent } from '../subgraphs/kit/tracing/trace-context';
import { startGraph, type StartedGraph } from './start-graph';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`;

/** The log lines (parsed) with `msg`. */
function logged(graph: StartedGraph, msg: string): { traceId?: string; requestId?: string }[] {
  return graph.logLines
    .map((line) => JSON.parse(line) as { msg?: string; traceId?: string; requestId?: string })
    .filter((line) => line.msg === msg);
}

describe('trace propagation', () => {
  let graph: StartedGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());
  beforeEach(() => graph.resetCounts());

  it('carries the client’s trace to every subgraph fetch, under the gateway’s span, and into the subgraph logs', async () => {
    const base = graph.url.replace(/\/graphql$/, '');
    const content = Buffer.from('Sporbart høringssvar.\n', 'utf8');
    const upload = await fetch(`${base}/indhold`, {
      method: 'POST',
      headers: {
        authorization: graph.authorization,
        'content-type': 'text/plain; charset=utf-8',
        'x-content-sha256': createHash('sha256').update(content).digest('hex'),
        traceparent: TRACEPARENT,
      },
      body: content,
    });
    expect(upload.status).toBe(201);
    const { indholdId } = (await upload.json()) as { indholdId: string };
    graph.resetCounts();

    const { body } = await graph.query(
      `mutation OpretSporbartDokument($input: OpretDokumentInput!) {
        opretDokument(input: $input) { uuid sag { titel } }
      }`,
      {
        headers: { traceparent: TRACEPARENT, 'x-request-id': 'sporbar-1' },
        variables: {
          input: {
            sag: getSeedSagUuid('0849', 1),
            titel: 'Sporbart høringssvar',
            brevdato: '2026-11-20',
            dokumenttype: 'Høringssvar',
            varianter: [{ varianttekst: 'original', dele: [{ indholdId, navn: 'svar.txt' }] }],
          },
        },
      },
    );
    expect(body.errors).toBeUndefined();

    const services = new Set(graph.fetches.map((f) => f.service));
    expect(services).toEqual(new Set(['dokument', 'sag']));
    const parents = graph.fetches.map((f) => parseTraceparent(f.headers.traceparent));
    for (const parent of parents) {
      expect(parent).toMatchObject({ traceId: TRACE_ID, traceFlags: 1 });
    }
    // One gateway span is the parent of every fetch of the request, and it is not the client's.
    const gatewaySpans = new Set(parents.map((p) => p?.spanId));
    expect(gatewaySpans.size).toBe(1);
    expect(gatewaySpans.has(CLIENT_SPAN_ID)).toBe(false);

    expect(logged(graph, 'dokument created')).toEqual([
      expect.objectContaining({ traceId: TRACE_ID, requestId: 'sporbar-1' }),
    ]);
    // The content route (proxied, not GraphQL) carries the trace as well.
    expect(logged(graph, 'content stored').at(-1)).toMatchObject({ traceId: TRACE_ID });
  });

  it('starts one new trace per request when the client sends none or a malformed one', async () => {
    const query = '{ kle(nummer: "02.34.02") { titel } }';
    await graph.query(query);
    await graph.query(query, { headers: { traceparent: `00-${TRACE_ID}-${CLIENT_SPAN_ID}` } });
    const traces = graph.fetches.map((f) => parseTraceparent(f.headers.traceparent)?.traceId);
    expect(traces).toHaveLength(2);
    expect(traces.every((t) => t !== undefined && t !== TRACE_ID)).toBe(true);
    expect(new Set(traces).size).toBe(2);
  });
});
